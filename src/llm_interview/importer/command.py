"""Split a flat dump of interview answers into topic pages under docs/.

    llm-interview import [--seed PATH] [--out DIR] [--report FILE] [--force]

Existing pages are the source of truth: a run only appends entries whose id is not on any
page yet. `--force` regenerates every page and names the hand edits it discards.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from llm_interview import paths
from llm_interview.importer import curation, report
from llm_interview.importer import topicpages as pages
from llm_interview.importer.assemble import assemble
from llm_interview.importer.records import InputError
from llm_interview.importer.references import References
from llm_interview.importer.source import read_source
from llm_interview.pages.glossary import glossary_terms

ROOT = paths.ROOT
DEFAULT_SEED = ROOT / "seed" / "000_eb7481b0f66e602c.txt"
DEFAULT_CURATION = ROOT / "data" / "curation.yaml"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED, help="the dump to import")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="the docs folder")
    parser.add_argument("--report", type=Path, help="write a JSON report of every entry here")
    parser.add_argument("--force", action="store_true", help="regenerate pages from scratch")
    parser.add_argument(
        "--references", type=Path, help="references.tsv (default: next to the seed)"
    )
    parser.add_argument("--curation", type=Path, help="curation file (default: data/curation.yaml)")
    parser.add_argument("--no-curation", action="store_true", help="place by the rules alone")
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> str:
    """Import the dump; returns the summary line. Raises InputError on bad input."""
    dump = read_source(args.seed)
    lines = dump.lines
    refs = References.load(args.references or args.seed.parent / "references.tsv")
    if args.curation and not args.curation.is_file():
        raise InputError(f"{args.curation}: no such curation file")
    curated = [] if args.no_curation else curation.load(args.curation or DEFAULT_CURATION)
    assembly = assemble(lines, curated, refs, glossary_terms())
    plans = pages.plan(args.out, assembly.entries, refs, args.force)
    files = {p.path: p.new for p in plans if p.changed}
    data = report.build(assembly, plans, args.out, dump.cleaned)
    if args.report:
        files[args.report] = report.dumps(data)
    pages.write_atomically(files)
    for p in plans:
        if p.discarded:
            print(
                f"split_seed: --force discarded hand edits in {p.path}: {', '.join(p.discarded)}",
                file=sys.stderr,
            )
    pending = sum(not e.curated for e in assembly.entries)
    written = sum(p.changed for p in plans)
    added = sum(len(p.added) for p in plans)
    return (
        f"split_seed: {len(lines)} lines -> {len(assembly.entries)} entries "
        f"({pending} pending review), {len(assembly.merged)} repeats merged; "
        f"{written} pages written, {added} entries added; "
        f"{len(dump.cleaned)} lines cleaned of invisible characters"
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        print(run(args))
    except InputError as err:
        print(f"split_seed: error: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"split_seed: error: {err.filename or ''}: {err.strerror}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
