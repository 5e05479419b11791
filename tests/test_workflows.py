"""GitHub configuration under .github/: valid against GitHub's schemas, and zizmor finds nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

GITHUB = ROOT / ".github"
BIN = Path(sys.executable).parent
FORMS = sorted(p for p in GITHUB.glob("ISSUE_TEMPLATE/*.yml") if p.name != "config.yml")
SCHEMAS = {
    "vendor.github-workflows": sorted(GITHUB.glob("workflows/*.yml")),
    "vendor.dependabot": [GITHUB / "dependabot.yml"],
    "vendor.github-issue-config": [GITHUB / "ISSUE_TEMPLATE/config.yml"],
    "vendor.github-issue-forms": FORMS,
}


def run(*cmd: str) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)


def load(name: str) -> dict:
    return yaml.safe_load((GITHUB / "workflows" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("schema", SCHEMAS)
def test_matches_github_schema(schema: str):
    assert SCHEMAS[schema], f"no files for {schema}"
    result = run(
        str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, SCHEMAS[schema])
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_has_no_findings():
    result = run(str(BIN / "zizmor"), "--offline", "--no-progress", ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ci_is_read_only_and_runs_make_test():
    ci = load("ci.yml")
    assert ci["permissions"] == {"contents": "read"}
    assert "pull_request_target" not in ci[True]  # YAML 1.1 reads the key `on` as True
    steps = ci["jobs"]["test"]["steps"]
    assert any(step.get("run") == "make test" for step in steps)


def test_only_the_deploy_job_can_write():
    pages = load("pages.yml")
    assert pages["permissions"] == {"contents": "read"}
    assert pages["concurrency"]["group"]
    assert "permissions" not in pages["jobs"]["build"]
    assert pages["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert pages["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_pages_publishes_only_what_passed_the_tests_on_main():
    assert set(load("pages.yml")[True]) == {"workflow_call"}  # no push or manual trigger
    job = load("ci.yml")["jobs"]["pages"]
    assert job["needs"] == "test" and job["uses"].endswith("/.github/workflows/pages.yml")
    assert job["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"


def test_issue_forms_are_the_three_kinds_and_blank_issues_are_off():
    names = {yaml.safe_load(p.read_text(encoding="utf-8"))["name"] for p in FORMS}
    assert names == {"内容勘误", "新题建议", "网站问题"}
    config = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE/config.yml").read_text(encoding="utf-8"))
    assert config["blank_issues_enabled"] is False


def test_preview_builds_every_pull_request_and_uploads_it_without_deploying():
    preview = load("preview.yml")
    assert list(preview[True]) == ["pull_request"]
    assert preview["permissions"] == {"contents": "read"}
    steps = preview["jobs"]["preview"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/upload-artifact@") for u in uses)
    assert not any("deploy" in u for u in uses)
    assert any(s.get("run") == "make build" for s in steps)


def test_preview_summary_names_the_changed_pages_inside_the_artifact():
    from llm_interview.ci.preview_summary import summary

    text = summary(["docs/rl/index.md", "docs/notebooks/lora.py", "docs/errata.md", "Makefile"])
    assert "[`rl/index.html`](http://127.0.0.1:8000/rl/index.html)" in text
    assert "`notebooks/lora/index.html`" in text and "`errata/index.html`" in text
    assert "- `Makefile`" in text.split("其他改动")[1]


def test_pages_publishes_the_pdf_and_the_offline_copy():
    steps = load("pages.yml")["jobs"]["build"]["steps"]
    runs = [step.get("run") for step in steps]
    assert "make pdf" in runs and "make offline" in runs
    (artifact,) = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert artifact["with"]["path"] == "site/downloads/"
