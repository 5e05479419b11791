"""Benchmark the PDF editions and the offline copy (issue 12). Budgets: the full edition prints in
under 60 s and weighs under 15 MB, at today's content and at twice it.

    python scripts/bench/bench_pdf.py [--site site | --scales 1,2] [--skip offline]

For each scale (1: the repository; k > 1: a synthetic copy with every question k times, notebooks
kept, see bench.synthetic_bank) it builds the site and prints every edition from one Chromium
and one load of the print page, as `make pdf` does, then prints: the site build time; loading
and typesetting the print page; the full edition's time (load, printing its units, putting them
together: against the budget), size, pages, bookmarks and fonts; each topic's PDF; and all of
them together, wall and CPU time (this process, Chromium and its renderers). Last, the offline
zip's build time, size and file count. Everything is written to a temporary folder. Wall time
on a shared machine grows with its load (printed with the figures): compare CPU seconds.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from llm_interview import paths
from llm_interview.bench.cpu import CpuMeter
from llm_interview.bench.synthetic_bank import scaled_copy
from llm_interview.editions.offline.bundle import build as build_offline
from llm_interview.editions.offline.bundle import zip_site
from llm_interview.editions.pdf import inspect
from llm_interview.editions.pdf.command import outputs
from llm_interview.editions.pdf.render import Printed, render
from llm_interview.pages.topics import BY_SLUG, SLUGS

ROOT = paths.ROOT

BUDGET_SECONDS = 60
BUDGET_MB = 15


def build_site(repo: Path, site: Path) -> float:
    """Seconds of a strict build of the repository at `repo` into `site`."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
    subprocess.run(cmd, cwd=repo, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def mb(path: Path) -> float:
    return path.stat().st_size / 2**20


def describe_full(pdf: Printed, ready: float) -> None:
    fonts = inspect.fonts(pdf.path)
    families = sorted({f.name.split("+")[-1] for f in fonts if f.type != "Type 3"})
    type3 = sum(f.type == "Type 3" for f in fonts)
    depth = max(d for d, _ in inspect.outline(pdf.path)) + 1
    alone = ready + pdf.print_seconds + pdf.assemble_seconds
    print(
        f"整本：打印 {pdf.print_seconds:.1f} s，合成 {pdf.assemble_seconds:.1f} s，连同载入 "
        f"{alone:.1f} s（预算 {BUDGET_SECONDS} s）；{mb(pdf.path):.1f} MB（预算 {BUDGET_MB} MB），"
        f"{len(inspect.page_sizes_mm(pdf.path))} 页，书签 {pdf.bookmarks} 个 {depth} 层"
    )
    print(f"  嵌入字体：{', '.join(families)}；另有 {type3} 个 Type 3 字体对象（少见字形的回退）")


def describe_topic(pdf: Printed) -> None:
    bookmarks = inspect.outline(pdf.path)
    tops = [title for depth, title in bookmarks if depth == 0]
    title = BY_SLUG[pdf.edition].title
    ok = "" if tops == [title] else f"（书签顶层应只有「{title}」，实为 {tops}）"
    pages = len(inspect.page_sizes_mm(pdf.path))
    print(
        f"  {pdf.edition:<13}{pdf.print_seconds:5.1f} s +{pdf.assemble_seconds:4.1f} s "
        f"{mb(pdf.path):5.2f} MB {pages:4} 页 {pdf.bookmarks:4} 个书签 {title}{ok}"
    )


def bench_pdfs(site: Path, folder: Path) -> None:
    start = time.perf_counter()
    with CpuMeter() as cpu:
        run = render(site, outputs(folder / "edition.pdf", list(SLUGS)))
    total = time.perf_counter() - start
    full, topics = run.printed[0], run.printed[1:]
    print(f"Chromium 启动、打印页载入与排版：{run.ready_seconds:.1f} s（只做一次）")
    describe_full(full, run.ready_seconds)
    print(f"各主题（{len(topics)} 份；打印封面与目录，正文与整本共用 + 合成）：")
    for pdf in topics:
        describe_topic(pdf)
    sizes = [mb(p.path) for p in topics]
    seconds = sum(p.print_seconds for p in topics)
    print(f"  合计打印 {seconds:.1f} s，{sum(sizes):.1f} MB，最大 {max(sizes):.1f} MB")
    alone = run.ready_seconds + full.print_seconds + full.assemble_seconds
    print(
        f"全部 {len(run.printed)} 份：{total:.1f} s（CPU {cpu.seconds:.1f} s），"
        f"只印整本约 {alone:.1f} s；机器一分钟负载 {os.getloadavg()[0]:.1f}（{os.cpu_count()} 核）"
    )


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
    parser.add_argument("--site", type=Path, help="已构建的站点（只测它，不再构建）")
    parser.add_argument("--scales", default="1,2", help="逗号分隔的题库倍数（默认 1,2）")
    parser.add_argument("--skip", default="", help="逗号分隔：offline")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        if args.site:
            bench_pdfs(args.site, tmp_dir)
        for scale in [] if args.site else [int(s) for s in args.scales.split(",")]:
            repo = ROOT
            if scale != 1:
                repo = tmp_dir / f"x{scale}"
                count = scaled_copy(ROOT, repo, scale, notebooks=True)
                print(f"== {scale}× 题库（{count} 道题的副本，笔记本保留）==")
            else:
                print("== 1× 题库（仓库本身）==")
            site = tmp_dir / f"site-x{scale}"
            print(f"站点构建：{build_site(repo, site):.1f} s")
            folder = tmp_dir / f"pdf-x{scale}"
            bench_pdfs(site, folder)
        if "offline" not in skip:
            bench_offline(tmp_dir)


if __name__ == "__main__":
    main()
