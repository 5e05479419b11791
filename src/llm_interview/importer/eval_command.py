"""Score the importer against labelled dumps: B-cubed F1 of segmentation and topic accuracy.

    llm-interview eval DUMP LABELS [--no-curation]

Labels are TSV rows `line, entry, topic[, question]`; see tests/data/.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from llm_interview import paths
from llm_interview.importer import curation
from llm_interview.importer.assemble import assemble
from llm_interview.importer.evaluate import Labels, b_cubed, clusters, topic_accuracy
from llm_interview.importer.references import References
from llm_interview.importer.source import read_dump

ROOT = paths.ROOT


def score(dump: Path, labels: Path, curated: bool) -> dict[str, float]:
    """Precision, recall, F1 and topic accuracy of one import of `dump`."""
    entries = assemble(
        read_dump(dump),
        curation.load(ROOT / "data" / "curation.yaml") if curated else [],
        References.load(dump.parent / "references.tsv"),
    ).entries
    gold = Labels.load(labels)
    precision, recall, f1 = b_cubed(clusters(entries), gold.entry)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "topic": topic_accuracy(entries, gold),
        "entries": len(entries),
        "questions": len(set(gold.entry.values())),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump", type=Path)
    parser.add_argument("labels", type=Path)
    parser.add_argument("--no-curation", action="store_true")
    args = parser.parse_args(argv)
    s = score(args.dump, args.labels, not args.no_curation)
    print(
        f"{args.dump.name}: B-cubed P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}; "
        f"topic {s['topic']:.1%}; {s['entries']} entries for {s['questions']} questions"
    )
    return 0


if __name__ == "__main__":
    main()
