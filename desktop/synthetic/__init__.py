"""Synthetic, realistic data for PanelDesk at any scale: an expert pool and applications as import spreadsheets.

``build_dataset`` gives the data in memory, ``write_dataset`` writes it; ``python -m desktop.synthetic`` does the
latter from a shell. Demos, tests and benchmarks use it, so nobody needs real personal data to try the program.
"""

from desktop.synthetic.generator import build_dataset
from desktop.synthetic.writer import write_dataset

__all__ = ["build_dataset", "write_dataset"]
