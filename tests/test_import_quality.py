"""Segmentation and topic placement measured against labelled dumps (the seed and unseen ones)."""

from __future__ import annotations

import pytest

from helpers import ROOT, SEED, UNSEEN
from llm_interview.importer.eval_command import score

SEED_LABELS = ROOT / "tests" / "data" / "seed.labels.tsv"


def test_curated_seed_matches_the_real_questions():
    s = score(SEED, SEED_LABELS, curated=True)
    assert s["f1"] == 1.0 and s["topic"] == 1.0


def test_rules_alone_find_most_seed_boundaries():
    s = score(SEED, SEED_LABELS, curated=False)
    assert s["f1"] >= 0.93 and s["topic"] >= 0.85


@pytest.mark.parametrize("name", ["dump_a", "dump_b", "dump_c", "dump_d"])
def test_unseen_dumps_are_split_and_placed_sensibly(name):
    s = score(UNSEEN / f"{name}.txt", UNSEEN / f"{name}.labels.tsv", curated=True)
    assert s["f1"] >= 0.85, s
    assert s["topic"] >= 0.80, s
