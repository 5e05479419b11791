"""Where the project's files are: the project being built or checked, and its data folder.

The project is the nearest folder at or above the working directory that holds `mkdocs.yml`
(so a copy of the repository builds and checks its own files), else the repository the package
is installed from (editable, by the Makefile).
"""

from pathlib import Path

INSTALLED_FROM = Path(__file__).resolve().parents[2]


def project_root(start: Path | None = None) -> Path:
    """The project folder for `start` (default: the working directory)."""
    here = (start or Path.cwd()).resolve()
    return next((p for p in (here, *here.parents) if (p / "mkdocs.yml").is_file()), INSTALLED_FROM)


ROOT = project_root()
DATA = ROOT / "data"
