"""Build the offline copy (issue 12): the site for `file://`, zipped. `make offline` runs this.

    llm-interview offline [--build build/offline] [--out FILE]

Unzip it and open llm-interview-zh/index.html in a browser; search works without a network.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from llm_interview import paths
from llm_interview.editions.offline.bundle import build, zip_site

ROOT = paths.ROOT
ZIP_NAME = "llm-interview-zh-offline.zip"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, default=ROOT / "build" / "offline", help="构建目录")
    parser.add_argument("--out", type=Path, default=ROOT / "site" / "downloads" / ZIP_NAME)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        build(args.build)
    except RuntimeError as err:
        print(f"错误：{err}", file=sys.stderr)
        return 1
    built = time.perf_counter() - start
    count = zip_site(args.build, args.out)
    size = args.out.stat().st_size / 2**20
    total = time.perf_counter() - start
    print(f"{args.out}: {count} 个文件，{size:.1f} MB；构建 {built:.1f} s，共 {total:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
