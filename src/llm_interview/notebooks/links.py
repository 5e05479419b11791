"""Where a notebook can be downloaded, opened in Colab or Binder, or run in the browser."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

BRANCH = "main"
LITE_DIR = "lite"
_SETTING = re.compile(r"^(site_url|repo_url):\s*(\S+)\s*$", re.MULTILINE)


def site_settings(mkdocs_yml: Path) -> dict[str, str]:
    """`site_url` and `repo_url` from mkdocs.yml (read as text: the file has Python tags)."""
    return dict(_SETTING.findall(mkdocs_yml.read_text(encoding="utf-8")))


def github_repo(repo_url: str) -> str:
    """`owner/name` of a GitHub repository URL."""
    match = re.match(r"https://github\.com/([^/]+/[^/]+?)(?:\.git)?/?$", repo_url)
    if not match:
        raise ValueError(f"not a GitHub repository URL: {repo_url}")
    return match[1]


def repo_path(name: str) -> str:
    """Path of a notebook's exported .ipynb inside the repository (and inside the site)."""
    return f"notebooks/{name}.ipynb"


def lite_path(name: str) -> str:
    """Site-relative deep link that opens one notebook in JupyterLite."""
    return f"{LITE_DIR}/notebooks/index.html?path={quote(f'{name}.ipynb')}"


def launch_links(name: str, repo_url: str) -> dict[str, str]:
    """Absolute Colab and Binder URLs for a notebook."""
    repo = github_repo(repo_url)
    path = repo_path(name)
    return {
        "colab": f"https://colab.research.google.com/github/{repo}/blob/{BRANCH}/{path}",
        "binder": f"https://mybinder.org/v2/gh/{repo}/{BRANCH}?labpath={quote(path)}",
    }
