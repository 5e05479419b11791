"""The Lighthouse benchmark's own logic (no Lighthouse, no browser): the interleaved order, the
figures read from a report, medians, the every-run winner, the tables, pages and arguments."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from llm_interview.bench import lighthouse
from llm_interview.bench.lighthouse import (
    DEFAULT_PAGES,
    EXTRA_PAGES,
    METRICS,
    Comparison,
    ab_table,
    all_medians,
    compare,
    comparisons,
    failed_audits,
    failed_by_page,
    figures,
    find_pages,
    fmt,
    format_table,
    group,
    medians,
    parse_site,
    results_table,
    run_tasks,
    schedule,
    tbt_summary,
    winner,
)


def report(
    perf=0.9, tbt=100.0, *, lcp=1200.0, kb=300.0, dom=800, fcp=900.0, seo=0.9, requests=(20, 4)
) -> dict:
    """The parts of a Lighthouse 12 JSON report that the benchmark reads."""
    scores = {"performance": perf, "accessibility": 1, "best-practices": 1, "seo": seo}
    values = {
        "total-byte-weight": kb * 1024,
        "dom-size": dom,
        "first-contentful-paint": fcp,
        "largest-contentful-paint": lcp,
        "total-blocking-time": tbt,
    }
    summary = [
        {"resourceType": "total", "requestCount": requests[0]},
        {"resourceType": "script", "requestCount": requests[1]},
        {"resourceType": "font", "requestCount": 0},
    ]
    return {
        "lighthouseVersion": "12.2.3",
        "categories": {name: {"score": score, "auditRefs": []} for name, score in scores.items()},
        "audits": {
            **{audit: {"numericValue": value} for audit, value in values.items()},
            "resource-summary": {"details": {"items": summary}},
        },
    }


def runs_of(*tbts: float, perf=0.9) -> list[dict]:
    return [figures(report(perf, tbt)) for tbt in tbts]


def test_the_figures_of_a_report_are_scores_out_of_100_kb_elements_and_ms():
    assert figures(report(0.93, 250.4, kb=512.25, dom=1432)) == {
        "performance": 93,
        "accessibility": 100,
        "best-practices": 100,
        "seo": 90,
        "kb": 512.2,
        "dom": 1432,
        "fcp_ms": 900,
        "lcp_ms": 1200,
        "tbt_ms": 250.4,
        "requests": 20,
        "scripts": 4,
    }


def test_a_missing_score_or_audit_is_none_not_an_error():
    broken = report(None)
    del broken["audits"]["dom-size"]
    del broken["audits"]["resource-summary"]
    values = figures(broken)
    assert values["performance"] is None and values["dom"] is None
    assert values["requests"] is None
    assert values["tbt_ms"] == 100


def test_failed_audits_are_those_that_lost_weighted_points_outside_performance():
    r = report()
    r["categories"]["accessibility"]["auditRefs"] = [
        {"id": "color-contrast", "weight": 7},
        {"id": "bypass", "weight": 0},
        {"id": "label", "weight": 7},
    ]
    r["audits"] |= {
        "color-contrast": {"score": 0},
        "bypass": {"score": 0},
        "label": {"score": None},
    }
    assert failed_audits(r) == ["color-contrast"]


def test_rounds_interleave_the_sites_page_by_page_and_alternate_who_goes_first():
    tasks = schedule({"A": ["p/", "q/"], "B": ["p/", "q/"]}, ("mobile",), 2)
    assert [(t.round, t.site, t.page) for t in tasks] == [
        (1, "A", "p/"),
        (1, "B", "p/"),
        (1, "A", "q/"),
        (1, "B", "q/"),
        (2, "B", "p/"),
        (2, "A", "p/"),
        (2, "B", "q/"),
        (2, "A", "q/"),
    ]


def test_each_form_factor_of_a_page_comes_before_the_next_page_and_absent_pages_are_left_out():
    tasks = schedule({"ours": ["a/", "b/"], "other": ["b/", "c/"]}, ("mobile", "desktop"), 1)
    assert [(t.site, t.page, t.form_factor) for t in tasks] == [
        ("ours", "a/", "mobile"),
        ("ours", "a/", "desktop"),
        ("ours", "b/", "mobile"),
        ("other", "b/", "mobile"),
        ("ours", "b/", "desktop"),
        ("other", "b/", "desktop"),
        ("other", "c/", "mobile"),
        ("other", "c/", "desktop"),
    ]
    assert len(schedule({"ours": ["a/"]}, ("mobile",), 5)) == 5


def test_every_run_is_recorded_in_order_and_a_failed_run_does_not_stop_the_others():
    urls = []

    def run(url: str, form_factor: str) -> dict:
        urls.append((url, form_factor))
        if url.endswith("bad/"):
            raise RuntimeError("Lighthouse 运行失败")
        if url.endswith("404/"):
            return {"runtimeError": {"code": "ERRORED_DOCUMENT_REQUEST", "message": "404"}}
        return report(tbt=len(urls))

    tasks = schedule({"A": ["ok/", "bad/", "404/"], "B": ["ok/"]}, ("mobile",), 1)
    bases = {"A": "http://a/", "B": "http://b/"}
    records = run_tasks(tasks, bases, run)
    assert urls == [
        ("http://a/ok/", "mobile"),
        ("http://b/ok/", "mobile"),
        ("http://a/bad/", "mobile"),
        ("http://a/404/", "mobile"),
    ]
    assert [r["figures"]["tbt_ms"] if r["figures"] else None for r in records] == [1, 2, None, None]
    assert records[0]["lighthouse"] == "12.2.3" and records[0]["round"] == 1
    assert records[2]["error"] == "Lighthouse 运行失败"
    assert records[3]["error"].startswith("ERRORED_DOCUMENT_REQUEST")
    assert json.loads(json.dumps(records)) == records  # --json writes them as they are


def test_medians_per_site_page_and_form_factor_leave_failed_runs_out():
    records = [
        {"site": "A", "page": "p/", "form_factor": "mobile", "figures": f, "failed_audits": []}
        for f in [*runs_of(900, 100, 300), None]
    ]
    found = all_medians(group(records))["A"]["p/"]["mobile"]
    assert found["tbt_ms"] == 300 and found["performance"] == 90 and found["kb"] == 300
    assert set(found) == set(METRICS)
    assert medians(runs_of(100, 200))["tbt_ms"] == 150  # an even count averages the middle two
    assert medians([])["tbt_ms"] is None  # every run failed


def test_failed_audits_are_gathered_over_the_runs_of_a_page():
    records = [
        {"site": "A", "page": "", "form_factor": "mobile", "failed_audits": ["label"]},
        {"site": "A", "page": "", "form_factor": "mobile", "failed_audits": ["bypass", "label"]},
        {"site": "A", "page": "x/", "form_factor": "mobile", "failed_audits": []},
    ]
    assert failed_by_page(records) == {
        ("A", "", "mobile"): ["bypass", "label"],
        ("A", "x/", "mobile"): [],
    }


def test_a_site_wins_only_when_every_one_of_its_runs_beats_every_run_of_the_other():
    assert winner([300, 280, 320], [100, 250, 90], lower_is_better=True) == "B"
    assert winner([100, 250, 90], [300, 280, 320], lower_is_better=True) == "A"
    assert winner([300, 280, 100], [100, 250, 90], lower_is_better=True) is None  # one noisy run
    assert winner([0, 0], [0, 0], lower_is_better=True) is None  # a tie decides nothing
    assert winner([88, 90], [95, 91], lower_is_better=False) == "B"  # scores: higher is better
    assert winner([300], [], lower_is_better=True) is None
    assert winner([300, None], [100, 90], lower_is_better=True) is None


def test_a_comparison_gives_both_medians_the_difference_and_the_winner():
    found = compare(runs_of(300, 280, 320, perf=0.8), runs_of(100, 250, 90, perf=0.8))
    assert found["tbt_ms"] == Comparison(300, 100, -200, "B")
    assert found["performance"] == Comparison(80, 80, 0, None)


def test_comparisons_cover_the_pages_both_sites_have():
    a = {"p/": {"mobile": runs_of(300)}, "only-a/": {"mobile": runs_of(1)}}
    b = {"p/": {"mobile": runs_of(100)}}
    comps = comparisons({"A": a, "B": b}, "A", "B", ("mobile", "desktop"))
    assert list(comps) == [("mobile", "p/")]


def test_figures_print_as_whole_numbers_except_kb_and_differences_carry_a_sign():
    assert fmt("tbt_ms", 149.6) == "150"
    assert fmt("kb", 812.34) == "812.3"
    assert fmt("tbt_ms", -200, signed=True) == "-200"
    assert fmt("seo", 3, signed=True) == "+3"
    assert fmt("tbt_ms", -0.2, signed=True) == "0"
    assert fmt("lcp_ms", None) == "–"


def test_a_text_table_aligns_labels_left_and_numbers_right():
    text = format_table(["page", "TBT ms"], [["index.html", "5"], ["a/", "1200"]], "lr")
    assert text.splitlines() == [
        "page       | TBT ms",
        "-----------+-------",
        "index.html |      5",
        "a/         |   1200",
    ]


def test_a_markdown_table_can_be_pasted_into_a_note():
    text = format_table(["page", "n"], [["a|b", "5"]], "lr", markdown=True)
    assert text.splitlines() == [
        "| page |   n |",
        "| ---- | --: |",
        r"| a\|b |   5 |",
    ]


def cells(line: str) -> list[str]:
    """The cells of a text or Markdown table row, stripped."""
    inner = line[1:-1] if line.startswith("|") else line
    return [cell.strip() for cell in inner.split("|")]


def test_the_results_table_puts_the_sites_of_a_page_next_to_each_other():
    by_page = {"x/": {"mobile": runs_of(10), "desktop": runs_of(0)}, "": {"mobile": runs_of(5)}}
    results = all_medians({"ours": by_page, "other": {"x/": by_page["x/"]}})
    lines = results_table(results, ("mobile", "desktop")).splitlines()
    assert cells(lines[0]) == [
        "form",
        "page",
        "site",
        "perf",
        "a11y",
        "bp",
        "seo",
        "KB",
        "DOM",
        "FCP ms",
        "LCP ms",
        "TBT ms",
        "req",
        "js",
    ]
    assert [cells(line)[:3] for line in lines[2:]] == [
        ["mobile", "x/", "ours"],
        ["mobile", "x/", "other"],
        ["mobile", "/", "ours"],
        ["desktop", "x/", "ours"],
        ["desktop", "x/", "other"],
    ]
    figures_row = ["90", "100", "100", "90", "300.0", "800", "900", "1200", "10", "20", "4"]
    assert cells(lines[2])[3:] == figures_row
    assert lines[2].endswith(" |     10 |  20 |  4")  # numbers right-aligned under their header
    markdown = results_table(results, ("mobile",), markdown=True).splitlines()
    assert markdown[1].startswith("| ------ | ---- | ----- | ---: |")
    assert all(line.startswith("| ") and line.endswith(" |") for line in markdown)


def test_the_ab_table_has_a_row_per_metric_and_names_the_every_run_winner():
    comps = {("mobile", "p/"): compare(runs_of(300, 280, 320), runs_of(100, 250, 90))}
    lines = ab_table(comps, "old", "new", markdown=True).splitlines()
    assert cells(lines[0]) == ["form", "page", "metric", "old", "new", "Δ", "every run"]
    rows = {cells(line)[2]: cells(line)[3:] for line in lines[2:]}
    assert list(rows) == [
        "perf",
        "a11y",
        "bp",
        "seo",
        "KB",
        "DOM",
        "FCP ms",
        "LCP ms",
        "TBT ms",
        "req",
        "js",
    ]
    assert rows["TBT ms"] == ["300", "100", "-200", "new"]
    assert rows["perf"] == ["90", "90", "0", ""]
    assert tbt_summary(comps, "old", "new") == (
        "TBT: new beat old in every run on 1 of 1 page × form; old beat new on 0; mixed or tied on 0"
    )


def test_pages_the_site_lacks_are_skipped_and_folders_get_their_slash(tmp_path: Path):
    for page in ("index.html", "practice/index.html", "drills/index.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<html></html>")
    found, missing = find_pages(
        tmp_path, ["index.html", "/practice", "drills/", "drills/attention/", "/"]
    )
    assert found == ["index.html", "practice/", "drills/", ""]
    assert missing == ["drills/attention/"]


def test_the_default_pages_keep_the_old_list_first():
    assert DEFAULT_PAGES[0] == "index.html" and "notebooks/attention/" in DEFAULT_PAGES
    assert {
        "practice/",
        "tags/",
        "references/",
        "inference/kv-cache/",
        "drills/",
        "drills/attention/",
    } <= set(EXTRA_PAGES)
    assert not set(DEFAULT_PAGES) & set(EXTRA_PAGES)


def test_a_site_spec_names_its_directory_and_pages():
    assert parse_site("hello-algo=/tmp/h/site:a/,b.html") == (
        "hello-algo",
        Path("/tmp/h/site"),
        ["a/", "b.html"],
    )
    assert parse_site("ours=site") == ("ours", Path("site"), [])


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--site", "site"], "应写成 名称=目录"),
        (["--runs", "0"], "应为正整数"),
        (["--form-factor", "tablet"], "invalid choice"),
        (["--ab", "/nonexistent/a", "/nonexistent/b"], "站点目录不存在：/nonexistent/a"),
        (["--site", "x=/nonexistent/x"], "站点目录不存在"),
        (["--ab", "{site}", "{site}", "--site", "x={site}"], "--ab 与 --site 只能用其中一个"),
        (["--site", "x={site}", "--site", "x={site}"], "站点名称重复：x"),
        (["--ab", "{site}", "{site}", "--pages", "nowhere/"], "没有一个要测的页面"),
        (
            ["--ab", "{site}", "{site}", "--json", "/nonexistent/dir/out.json"],
            "--json 的目录不存在",
        ),
    ],
)
def test_bad_arguments_end_with_a_message_not_a_traceback(tmp_path, capsys, argv, message):
    (tmp_path / "index.html").write_text("<html></html>")
    argv = [arg.replace("{site}", str(tmp_path)) for arg in argv]
    with pytest.raises(SystemExit) as exit_:
        lighthouse.main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_ab_mode_end_to_end_with_a_fake_lighthouse(tmp_path, capsys, monkeypatch):
    """Real local servers, fake Lighthouse: it reads the page served, and B's is the fast one."""
    sites = {name: tmp_path / name for name in ("a", "b")}
    for name, directory in sites.items():
        for page in ("index.html", "practice/index.html"):
            (directory / page).parent.mkdir(parents=True, exist_ok=True)
            (directory / page).write_text(f"<html>{'slow' if name == 'a' else 'fast'}</html>")
    calls = []

    def fake(url: str, form_factor: str) -> dict:
        calls.append(url)
        with urllib.request.urlopen(url) as response:
            slow = b"slow" in response.read()
        return report(tbt=400 + len(calls) % 3 if slow else 100 + len(calls) % 3)

    monkeypatch.setattr(lighthouse, "missing_tools", lambda: None)
    monkeypatch.setattr(lighthouse, "run_lighthouse", fake)
    out_json = tmp_path / "runs.json"
    argv = ["--ab", str(sites["a"]), str(sites["b"]), "--runs", "3", "--json", str(out_json)]
    assert lighthouse.main(argv) == 0
    out, err = capsys.readouterr()
    assert len(calls) == 2 * 2 * 3  # two sites × two pages × three rounds
    assert "B（" in err and "跳过" in err and "drills/attention/" in err  # default pages it lacks
    assert "median of 3 interleaved runs" in out
    assert "TBT: B beat A in every run on 2 of 2 page × form" in out
    saved = json.loads(out_json.read_text(encoding="utf-8"))
    assert [(r["round"], r["site"], r["page"]) for r in saved["records"]][:4] == [
        (1, "A", "index.html"),
        (1, "B", "index.html"),
        (1, "A", "practice/"),
        (1, "B", "practice/"),
    ]
    assert saved["sites"]["A"]["pages"] == ["index.html", "practice/"]
    assert 400 <= saved["medians"]["A"]["index.html"]["mobile"]["tbt_ms"] <= 402


def test_measure_keeps_its_shape_for_bench_scale(tmp_path, monkeypatch):
    (tmp_path / "index.html").write_text("<html></html>")
    monkeypatch.setattr(lighthouse, "run_lighthouse", lambda url, ff: report(0.5, 42))
    found = lighthouse.measure(tmp_path, ["", "index.html"], runs=2)
    assert set(found) == {"", "index.html"} and set(found[""]) == {"mobile", "desktop"}
    assert found[""]["mobile"]["performance"] == 50 and found[""]["desktop"]["tbt_ms"] == 42

    def failing(url, ff):
        raise RuntimeError("boom")

    monkeypatch.setattr(lighthouse, "run_lighthouse", failing)
    with pytest.raises(RuntimeError, match="boom"):
        lighthouse.measure(tmp_path, [""], runs=1)
