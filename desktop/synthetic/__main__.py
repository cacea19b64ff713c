"""``python -m desktop.synthetic OUT_DIR --experts N --applications M --seed S [--format xlsx|csv]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.synthetic.writer import write_dataset


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.synthetic", description="生成合成的专家库与项目导入表")
    parser.add_argument("out_dir", type=Path, help="输出文件夹")
    parser.add_argument("--experts", type=int, default=300, help="专家人数")
    parser.add_argument("--applications", type=int, default=60, help="项目数")
    parser.add_argument("--relations", type=int, default=None, help="人员关系条数（默认每位专家4条）")
    parser.add_argument("--seed", type=int, default=2026, help="随机种子：相同种子与规模得到相同数据")
    parser.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    parser.add_argument("--encoding", choices=("utf-8-sig", "gb18030"), default="utf-8-sig", help="CSV 编码")
    args = parser.parse_args(argv)
    for path in write_dataset(args.out_dir, seed=args.seed, experts=args.experts, applications=args.applications,
                              relations=args.relations, fmt=args.format, encoding=args.encoding):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
