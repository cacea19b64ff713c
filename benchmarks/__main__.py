"""`make bench`: run every benchmark module (or those named) and print their figures.

Each module ``benchmarks/bench_*.py`` has a ``main()`` that measures its subject against a baseline taken in the
same run and prints the ratio, so figures are comparable across machines.
"""

import importlib
import pkgutil
import sys
from pathlib import Path


def main(names: list[str]) -> None:
    here = Path(__file__).parent
    modules = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    for name in modules:
        if names and name.removeprefix("bench_") not in names and name not in names:
            continue
        print(f"== {name}", flush=True)
        importlib.import_module(f"benchmarks.{name}").main()


if __name__ == "__main__":
    main(sys.argv[1:])
