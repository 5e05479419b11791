"""Measure segmentation (B-cubed F1 over lines) and topic placement against labelled dumps."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from llm_interview.importer.records import Entry


@dataclass(frozen=True)
class Labels:
    """Gold labels of a dump: the entry and topic of every non-blank line."""

    entry: dict[int, str]
    topic: dict[int, str]

    @classmethod
    def load(cls, path: Path) -> Labels:
        """Read a `line, entry, topic[, question]` TSV with a header row."""
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
        return cls(
            {int(r["line"]): r["entry"] for r in rows},
            {int(r["line"]): r["topic"] for r in rows},
        )


def b_cubed(predicted: dict[int, str], gold: dict[int, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering of lines against the gold clustering."""
    lines = sorted(gold)
    by_pred: dict[str, set[int]] = {}
    by_gold: dict[str, set[int]] = {}
    for line in lines:
        by_pred.setdefault(predicted[line], set()).add(line)
        by_gold.setdefault(gold[line], set()).add(line)
    precision = recall = 0.0
    for line in lines:
        mine, truth = by_pred[predicted[line]], by_gold[gold[line]]
        both = len(mine & truth)
        precision += both / len(mine)
        recall += both / len(truth)
    precision, recall = precision / len(lines), recall / len(lines)
    return precision, recall, 2 * precision * recall / (precision + recall)


def topic_accuracy(entries: list[Entry], labels: Labels) -> float:
    """Share of gold questions whose lines mostly sit in an entry placed on the right topic."""
    placed = {no: e.topic for e in entries for no in e.line_numbers}
    votes: dict[str, Counter[str]] = {}
    gold_topic: dict[str, str] = {}
    for line, question in labels.entry.items():
        votes.setdefault(question, Counter())[placed[line]] += 1
        gold_topic[question] = labels.topic[line]
    right = sum(v.most_common(1)[0][0] == gold_topic[q] for q, v in votes.items())
    return right / len(votes)


def clusters(entries: list[Entry]) -> dict[int, str]:
    """The entry id of every line, the form `b_cubed` compares."""
    return {no: e.id for e in entries for no in e.line_numbers}
