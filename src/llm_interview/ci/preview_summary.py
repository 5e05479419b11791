"""The job summary of a pull request's preview: which pages changed, and where they are in the
uploaded site artifact.

    llm-interview preview-summary CHANGED_FILE...  # repository paths
"""

from __future__ import annotations

import sys
from pathlib import PurePosixPath

from llm_interview.pages.urls import html_path

ARTIFACT = "site-preview"


def built_page(path: str) -> str | None:
    """Where a source file's page lies inside the built site (directory URLs), or None."""
    p = PurePosixPath(path)
    if p.parts[:1] != ("docs",) or p.suffix not in {".md", ".py"}:
        return None
    if p.suffix == ".py" and p.parent.name != "notebooks":
        return None
    return html_path(str(p.relative_to("docs")))


def summary(changed: list[str]) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY."""
    pages = sorted({page for path in changed if (page := built_page(path))})
    others = sorted(path for path in changed if not built_page(path))
    lines = [
        "## 预览",
        "",
        f"构建好的站点在本次运行的 artifact「{ARTIFACT}」里：下载解压后，"
        "在解压目录运行 `python -m http.server`，再打开 http://127.0.0.1:8000/ 。",
        "",
    ]
    if pages:
        lines += ["改动的页面：", ""] + [f"- [`{p}`](http://127.0.0.1:8000/{p})" for p in pages]
    else:
        lines.append("这次没有直接改动页面。")
    if others:
        lines += ["", "其他改动（可能影响所有页面）：", ""] + [f"- `{p}`" for p in others]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    sys.stdout.write(summary(sys.argv[1:] if argv is None else argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
