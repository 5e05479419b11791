"""Print the built site as one A4 PDF (the PDF edition, issue 12): `make pdf` runs this.

llm-interview pdf [--site site] [--out site/downloads/llm-interview-zh.pdf]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from pypdf import PdfReader

from llm_interview import paths
from llm_interview.editions.pdf.render import render

ROOT = paths.ROOT
PDF_NAME = "llm-interview-zh.pdf"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="已构建的站点目录")
    parser.add_argument("--out", type=Path, help=f"输出文件（默认 <site>/downloads/{PDF_NAME}）")
    args = parser.parse_args(argv)
    out = args.out or args.site / "downloads" / PDF_NAME
    start = time.perf_counter()
    try:
        bookmarks = render(args.site, out)
    except FileNotFoundError as err:
        print(f"错误：{err}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - start
    pages = len(PdfReader(out).pages)
    size = out.stat().st_size / 2**20
    print(f"{out}: {pages} 页，{size:.1f} MB，{bookmarks} 个书签，用时 {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
