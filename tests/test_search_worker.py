"""The search worker the build writes is one classic script that answers Material's messages,
as Material starts it and as the offline copy runs it from disk (no module loading)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from searchindex.worker import BundleError, bundle

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "docs" / "assets" / "js" / "search"
DOCS = [
    {"location": "rl/", "title": "强化学习与对齐", "text": ""},
    {
        "location": "rl/#dpo",
        "title": "DPO 为什么不需要奖励模型？",
        "text": "直接在偏好数据上优化。",
    },
]
# Runs the bundle as a classic script with a stand-in worker scope, then sends SETUP and QUERY.
HARNESS = """
const vm = require("node:vm");
const sent = [];
let onMessage = null;
const scope = { addEventListener: (type, f) => { onMessage = f; }, postMessage: (m) => sent.push(m) };
vm.runInNewContext(require("node:fs").readFileSync(0, "utf8"), scope);
onMessage({ data: { type: 0, data: { docs: DOCS, options: {} } } });
onMessage({ data: { type: 2, data: "dpo" } });
console.log(JSON.stringify(sent));
"""


def test_the_bundled_worker_answers_without_loading_modules():
    code = bundle(SOURCE)
    assert "import(" not in code and "\nimport " not in code and "\nexport " not in code
    harness = HARNESS.replace("DOCS", json.dumps(DOCS, ensure_ascii=False))
    done = subprocess.run(
        ["node", "-e", harness], input=code, capture_output=True, text=True, check=True
    )
    ready, result = json.loads(done.stdout)
    assert ready == {"type": 1}
    assert result["type"] == 3 and "rl/#dpo" in json.dumps(result["data"])


def test_a_module_form_the_join_cannot_handle_fails_the_build(tmp_path: Path):
    for name in ("query.js", "engine.js", "results.js", "worker.js"):
        (tmp_path / name).write_text((SOURCE / name).read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "results.js").write_text('export * from "./engine.js";\n', encoding="utf-8")
    with pytest.raises(BundleError, match=r"results\.js"):
        bundle(tmp_path)
