"""Where the project's files are: the repository (the package is installed editable from it) and
its data folder."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
