"""Benchmark the PDF edition and the offline copy (issue 12). Budgets for today's content: the PDF
prints in under 60 s and weighs under 15 MB.

    python scripts/bench/bench_pdf.py [--site site] [--skip offline]

Prints the site build time, the PDF's print time (Chromium, ready to file), pages, size, bookmarks,
fonts, and the offline zip's build time, size and file count. Everything is written to a
temporary folder.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from llm_interview import paths
from llm_interview.editions.offline.bundle import build as build_offline
from llm_interview.editions.offline.bundle import zip_site
from llm_interview.editions.pdf import inspect
from llm_interview.editions.pdf.render import render

ROOT = paths.ROOT

BUDGET_SECONDS = 60
BUDGET_MB = 15


def build_site(site: Path) -> float:
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def bench_pdf(site: Path, out: Path) -> None:
    start = time.perf_counter()
    bookmarks = render(site, out)
    seconds = time.perf_counter() - start
    size = out.stat().st_size / 2**20
    fonts = inspect.fonts(out)
    families = sorted({f.name.split("+")[-1] for f in fonts if f.type != "Type 3"})
    type3 = sum(f.type == "Type 3" for f in fonts)
    depth = max(d for d, _ in inspect.outline(out)) + 1
    print(f"PDF 打印：{seconds:.1f} s（预算 {BUDGET_SECONDS} s）")
    print(f"PDF 大小：{size:.1f} MB（预算 {BUDGET_MB} MB），{len(inspect.page_sizes_mm(out))} 页")
    print(f"书签：{bookmarks} 个，{depth} 层")
    print(f"嵌入字体：{', '.join(families)}；另有 {type3} 个 Type 3 字体对象（少见字形的回退）")


def bench_offline(out_dir: Path) -> None:
    start = time.perf_counter()
    build_offline(out_dir / "offline")
    built = time.perf_counter() - start
    archive = out_dir / "offline.zip"
    count = zip_site(out_dir / "offline", archive)
    size = archive.stat().st_size / 2**20
    print(f"离线副本：构建 {built:.1f} s，zip {size:.1f} MB，{count} 个文件")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="已构建的站点（默认在临时目录里重新构建）")
    parser.add_argument("--skip", default="", help="逗号分隔：offline")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        site = args.site
        if site is None:
            site = tmp_dir / "site"
            print(f"站点构建：{build_site(site):.1f} s")
        bench_pdf(site, tmp_dir / "edition.pdf")
        if "offline" not in skip:
            bench_offline(tmp_dir)


if __name__ == "__main__":
    main()
