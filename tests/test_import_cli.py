"""The importer's command line on real dumps: nothing lost, idempotent, hand edits kept, bad input refused."""

from __future__ import annotations

import html
import json
import random
import re
from collections import defaultdict

import markdown
import pytest

import llm_interview.checks.lint_copy as lint_copy
from helpers import ROOT, SEED, UNSEEN, import_into, run_split, snapshot
from llm_interview.importer.text import Kind, body, kind_of
from llm_interview.importer.topicpages import entry_blocks, entry_ids
from llm_interview.pages.typeset import typeset


def non_blank_lines(path) -> list[int]:
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    return [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]


def test_every_seed_line_is_in_exactly_one_entry(tmp_path):
    report = import_into(tmp_path / "docs")
    held = [n for e in report["entries"] for n in e["lines"]]
    assert sorted(held) == non_blank_lines(SEED)
    assert len(held) == len(set(held))
    assert all(e["curated"] for e in report["entries"])
    assert report["merged"] == [
        {
            "into": "attention-complexity",
            "lines": [96, 97, 98, 99, 100],
            "reason": report["merged"][0]["reason"],
        }
    ]


def test_pages_show_every_seed_line_unchanged_but_its_typography(tmp_path):
    """Word for word; only the `,:;` the extraction folded are full width again and names take
    their usual form (pages.typeset)."""
    out = tmp_path / "docs"
    report = import_into(out)
    seed = SEED.read_text(encoding="utf-8").split("\n")
    merged = {n for m in report["merged"] for n in m["lines"]}
    for entry in report["entries"]:
        shown = visible_text((out / entry["page"]).read_text(encoding="utf-8"))
        for number in entry["lines"]:
            if kind_of(seed[number - 1]) is Kind.MARKER:
                continue
            text = re.sub(r"\s+", "", typeset(body(seed[number - 1])))
            if number in merged:  # shown once, in the entry it repeats (letter case may differ)
                text, shown = text.casefold(), shown.casefold()
            assert text in shown, f"line {number} is not shown as it is: {seed[number - 1]}"


def test_imported_pages_obey_the_punctuation_and_name_rules(tmp_path):
    """The copy lint's two typographic rules find nothing to fix on a fresh import."""
    out = tmp_path / "docs"
    import_into(out)
    pages = {p: p.read_text(encoding="utf-8") for p in out.rglob("*.md")}
    for page, text in pages.items():
        lines = text.split("\n")
        assert lint_copy.name_problems(lines) == [], page
        assert lint_copy.punctuation_problems(lines) == [], page
    shown = "".join(pages.values())
    assert "LoRA方法的核心" in shown and "Lora方法" not in shown


def visible_text(page: str) -> str:
    """What a reader sees of a Markdown page, white space removed."""
    rendered = markdown.markdown(
        page, extensions=["attr_list", "admonition", "md_in_html", "pymdownx.superfences"]
    )
    return re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>", "", rendered)))


def test_every_seed_entry_is_on_the_committed_pages(tmp_path):
    report = import_into(tmp_path / "docs")
    committed = {
        i
        for page in (ROOT / "docs").rglob("*.md")
        for i in entry_ids(page.read_text(encoding="utf-8"))
    }
    assert {e["id"] for e in report["entries"]} <= committed


def test_a_second_run_changes_no_byte(tmp_path):
    out = tmp_path / "docs"
    import_into(out)
    before = snapshot(out)
    report = import_into(out)
    assert snapshot(out) == before
    assert not any(e["written"] for e in report["entries"])


def test_hand_edits_survive_a_rerun_byte_for_byte(tmp_path):
    out = tmp_path / "docs"
    import_into(out)
    page = out / "fine-tuning" / "new.md"
    edited = page.read_text(encoding="utf-8").replace(
        "只训练降维矩阵A与升维矩阵B", "只训练矩阵 A 和 B（已校对）"
    )
    edited += "\n<!-- 维护者的备注 -->\n"
    page.write_bytes(edited.encode("utf-8"))
    import_into(out)
    assert page.read_bytes() == edited.encode("utf-8")


def test_missing_entries_are_appended_and_nothing_else_changes(tmp_path):
    out = tmp_path / "docs"
    import_into(out)
    page = out / "inference" / "new.md"
    text = page.read_text(encoding="utf-8")
    block = entry_blocks(text)["flash-attention"]
    page.write_text(text.replace(block, ""), encoding="utf-8")
    trimmed = page.read_text(encoding="utf-8")
    report = import_into(out)
    after = page.read_text(encoding="utf-8")
    assert after.startswith(trimmed)
    assert entry_ids(after)[-1] == "flash-attention"
    assert [e["id"] for e in report["entries"] if e["written"]] == ["flash-attention"]


def test_a_grown_dump_adds_only_its_new_answers(tmp_path):
    out = tmp_path / "docs"
    import_into(out)
    before = snapshot(out)
    grown = tmp_path / "grown.txt"
    extra = "RMSNorm去掉了LayerNorm中减均值的操作,只用均方根做缩放,计算更省。"
    grown.write_text(SEED.read_text(encoding="utf-8") + "\n" + extra + "\n", encoding="utf-8")
    report = import_into(out, grown)
    new = [e for e in report["entries"] if e["written"]]
    assert len(new) == 1 and not new[0]["curated"] and new[0]["topic"] == "architecture"
    page = out / "architecture" / "new.md"
    assert page.read_bytes().startswith(before["architecture/new.md"])
    assert "待审核" in entry_blocks(page.read_text(encoding="utf-8"))[new[0]["id"]]
    assert {k: v for k, v in snapshot(out).items() if k != "architecture/new.md"} == {
        k: v for k, v in before.items() if k != "architecture/new.md"
    }


def test_force_regenerates_and_names_the_discarded_edits(tmp_path):
    out = tmp_path / "docs"
    import_into(out)
    pristine = snapshot(out)
    page = out / "rl" / "new.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("奖励最大化是", "奖励最大化（改）是"),
        encoding="utf-8",
    )
    result = run_split("--out", out, "--force")
    assert result.returncode == 0
    assert "discarded hand edits" in result.stderr and "reward-maximization" in result.stderr
    assert snapshot(out) == pristine


def test_crlf_and_bom_give_the_same_pages(tmp_path):
    plain, windows = tmp_path / "a", tmp_path / "b"
    import_into(plain)
    dump = tmp_path / "seed.txt"
    dump.write_bytes(b"\xef\xbb\xbf" + SEED.read_bytes().replace(b"\n", b"\r\n"))
    (tmp_path / "references.tsv").write_bytes((SEED.parent / "references.tsv").read_bytes())
    import_into(windows, dump)
    assert snapshot(plain) == snapshot(windows)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "empty.txt", b""), "empty"),
        (lambda d: _write(d / "blank.txt", b"\n  \n\t\n"), "empty"),
        (lambda d: _write(d / "bin.txt", bytes(range(256))), "binary"),
        (
            lambda d: _write(d / "gbk.txt", "大模型面试题:显存不足怎么办?".encode("gbk")),
            "not UTF-8",
        ),
    ],
)
def test_bad_input_gets_one_line_and_exit_2_and_writes_nothing(tmp_path, make, message):
    out = tmp_path / "docs"
    import_into(out)
    before = snapshot(out)
    result = run_split("--seed", make(tmp_path), "--out", out, "--report", tmp_path / "r.json")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(out) == before and not (tmp_path / "r.json").exists()


def test_a_failing_write_leaves_the_previous_pages(tmp_path, monkeypatch):
    import llm_interview.importer.topicpages as pages

    out = tmp_path / "docs"
    import_into(out)
    for page in out.rglob("new.md"):
        page.write_text("# 手写的页面\n", encoding="utf-8")
    before = snapshot(out)
    real_replace, calls = pages.os.replace, []

    def flaky_replace(src, dst):
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(28, "No space left on device", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(pages.os, "replace", flaky_replace)
    files = {p: "新内容\n" for p in sorted(out.rglob("new.md"))}
    with pytest.raises(OSError):
        pages.write_atomically(files)
    assert snapshot(out) == before


def test_the_seed_without_curation_keeps_every_line(tmp_path):
    report = import_into(tmp_path / "docs", SEED, "--no-curation")
    held = sorted(n for e in report["entries"] for n in e["lines"])
    assert held == non_blank_lines(SEED)
    assert not any(e["curated"] for e in report["entries"])
    page = (tmp_path / "docs" / "architecture" / "new.md").read_text(encoding="utf-8")
    assert "待审核" in page


def test_a_reordered_seed_keeps_ids_and_lines(tmp_path):
    gold = _gold(ROOT / "tests" / "data" / "seed.labels.tsv")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    order = list(gold)
    random.Random(7).shuffle(order)
    shuffled = [lines[n - 1] for entry in order for n in gold[entry]]
    dump = tmp_path / "reordered.txt"
    dump.write_text("\n".join(shuffled), encoding="utf-8")
    (tmp_path / "references.tsv").write_bytes((SEED.parent / "references.tsv").read_bytes())
    report = import_into(tmp_path / "docs", dump)
    assert len(shuffled) == sum(len(e["lines"]) for e in report["entries"])
    assert {e["id"] for e in report["entries"]} == set(gold)


@pytest.mark.parametrize("name", ["dump_a", "dump_b", "dump_c", "dump_d"])
def test_unseen_dumps_keep_every_line(tmp_path, name):
    dump = UNSEEN / f"{name}.txt"
    report = import_into(tmp_path / "docs", dump)
    held = sorted(n for e in report["entries"] for n in e["lines"])
    assert held == non_blank_lines(dump)
    assert all(re.fullmatch(r"q-[0-9a-f]{8}(-\d+)?", e["id"]) for e in report["entries"])


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def _gold(path) -> dict[str, list[int]]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    entries: dict[str, list[int]] = defaultdict(list)
    for line, entry, *_ in rows:
        entries[entry].append(int(line))
    return dict(entries)


def test_report_is_json_with_the_documented_fields(tmp_path):
    report = import_into(tmp_path / "docs")
    assert set(report) >= {"entries", "merged", "warnings"}
    assert set(report["entries"][0]) >= {
        "id",
        "topic",
        "title",
        "page",
        "anchor",
        "curated",
        "lines",
    }
    json.dumps(report)
