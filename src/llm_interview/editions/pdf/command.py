"""Print the built site as A4 PDFs (the PDF edition, issue 12): the full edition and one per
topic beside it. `make pdf` runs this.

llm-interview pdf [--site site] [--out site/downloads/llm-interview-zh.pdf] [--topics rl,…|none]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from pypdf import PdfReader

from llm_interview import paths
from llm_interview.editions.pdf.names import FULL_PDF, topic_pdf
from llm_interview.editions.pdf.render import FULL, render
from llm_interview.pages.topics import SLUGS

ROOT = paths.ROOT


def outputs(out: Path, topics: list[str]) -> dict[str, Path]:
    """The full edition at `out`, then each topic's PDF beside it."""
    return {FULL: out, **{slug: out.with_name(topic_pdf(out.name, slug)) for slug in topics}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="已构建的站点目录")
    parser.add_argument(
        "--out", type=Path, help=f"整本的输出文件（默认 <site>/downloads/{FULL_PDF}）"
    )
    parser.add_argument(
        "--topics", default=",".join(SLUGS), help="逗号分隔的主题（默认全部；none 表示只印整本）"
    )
    args = parser.parse_args(argv)
    topics = [] if args.topics == "none" else args.topics.split(",")
    unknown = sorted(set(topics) - set(SLUGS))
    if unknown:
        print(f"错误：没有主题 {', '.join(unknown)}（可选：{', '.join(SLUGS)}）", file=sys.stderr)
        return 2
    start = time.perf_counter()
    try:
        printed = render(args.site, outputs(args.out or args.site / "downloads" / FULL_PDF, topics))
    except FileNotFoundError as err:
        print(f"错误：{err}", file=sys.stderr)
        return 2
    for pdf in printed:
        pages = len(PdfReader(pdf.path).pages)
        size = pdf.path.stat().st_size / 2**20
        facts = f"{pages} 页，{size:.1f} MB，{pdf.bookmarks} 个书签"
        print(f"{pdf.path}: {facts}，用时 {pdf.seconds:.1f} s")
    print(f"共 {len(printed)} 份 PDF，用时 {time.perf_counter() - start:.1f} s（含载入与排版）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
