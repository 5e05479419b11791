"""The Lighthouse benchmark's own logic (no Lighthouse needed): site specs, medians, the table."""

from __future__ import annotations

from pathlib import Path

from bench.lighthouse import DEFAULT_PAGES, medians, parse_site, table


def report(perf: float, tbt: float) -> dict:
    """The parts of a Lighthouse JSON report that the benchmark reads."""
    categories = {"performance": perf, "accessibility": 1, "best-practices": 1, "seo": 0.9}
    return {
        "categories": {name: {"score": score} for name, score in categories.items()},
        "audits": {
            "total-blocking-time": {"numericValue": tbt},
            "largest-contentful-paint": {"numericValue": 1200.0},
        },
    }


def test_a_site_spec_names_its_directory_and_pages():
    assert parse_site("hello-algo=/tmp/h/site:a/,b.html") == (
        "hello-algo",
        Path("/tmp/h/site"),
        ["a/", "b.html"],
    )
    assert parse_site("ours=site") == ("ours", Path("site"), DEFAULT_PAGES)


def test_medians_are_per_page_and_form_factor():
    runs = [report(0.5, 900), report(0.9, 100), report(0.7, 300)]
    figures = medians({"index.html": {"mobile": runs}})
    assert figures["index.html"]["mobile"] == {
        "performance": 70,
        "accessibility": 100,
        "best-practices": 100,
        "seo": 90,
        "tbt_ms": 300,
        "lcp_ms": 1200,
    }


def test_the_table_puts_the_sites_side_by_side_per_form_factor():
    figures = medians({"x/": {"mobile": [report(0.8, 10)], "desktop": [report(1, 0)]}})
    lines = table({"ours": figures, "other": figures}, ("mobile", "desktop")).splitlines()
    assert [line.split(" | ")[:2] for line in lines[2:]] == [
        ["mobile ", "ours "],
        ["mobile ", "other"],
        ["desktop", "ours "],
        ["desktop", "other"],
    ]
