"""The search worker the build writes (src/llm_interview/frontend/bundle.py) is one classic script that
answers Material's messages, as Material starts it and as the offline copy runs it from disk."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from llm_interview.frontend.bundle import BundleError, bundle

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


@pytest.fixture(scope="module")
def worker_code(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("bundle")
    bundle(SOURCE.parent, out, ("search/worker.js",))
    return (out / "search" / "worker.js").read_text(encoding="utf-8")


def test_the_bundled_worker_answers_without_loading_modules(worker_code):
    code = worker_code
    assert "import(" not in code and "\nimport " not in code and "\nexport " not in code
    harness = HARNESS.replace("DOCS", json.dumps(DOCS, ensure_ascii=False))
    done = subprocess.run(
        ["node", "-e", harness], input=code, capture_output=True, text=True, check=True
    )
    ready, result = json.loads(done.stdout)
    assert ready == {"type": 1}
    assert result["type"] == 3 and "rl/#dpo" in json.dumps(result["data"])


def test_a_module_that_does_not_bundle_fails_the_build_in_one_line(tmp_path: Path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "worker.js").write_text('import { nope } from "./gone.js";\n', "utf-8")
    with pytest.raises(BundleError, match=r"^esbuild 打包脚本失败：.*gone\.js") as err:
        bundle(tmp_path, tmp_path / "out", ("search/worker.js",))
    assert "\n" not in str(err.value)


# The served site's stub: the worker waits for the page's "load" on the BroadcastChannel, then
# fetches the heads (READY) and the bodies ("complete"), relative to its own URL.
LAZY_HARNESS = """
const vm = require("node:vm");
const sent = [], fetched = [], channels = [];
let onMessage = null;
class BroadcastChannel {
  constructor(name) { this.name = name; this.posted = []; channels.push(this); }
  postMessage(m) { this.posted.push(m); }
}
const files = FILES;
const scope = {
  addEventListener: (type, f) => { onMessage = f; }, postMessage: (m) => sent.push(m),
  BroadcastChannel, URL, self: { location: { href: "http://x/assets/js/search/worker.js" } },
  fetch: async (url) => { fetched.push(url.pathname); return { ok: true, json: async () => files[url.pathname] }; },
};
vm.runInNewContext(require("node:fs").readFileSync(0, "utf8"), scope);
const tick = () => new Promise((r) => setTimeout(r, 20));
(async () => {
  const records = ["../../../search/records.json", "../../../search/records-text.json"];
  onMessage({ data: { type: 0, data: { config: { records }, docs: [], options: {} } } });
  await tick();
  const before = { sent: sent.length, fetched: fetched.length };
  channels[0].onmessage({ data: "load" });
  await tick();
  onMessage({ data: { type: 2, data: "dpo" } });
  console.log(JSON.stringify({ before, sent, fetched, channel: channels[0] }));
})();
"""


def test_the_worker_fetches_the_records_only_when_the_page_asks(worker_code):
    heads = [{k: v for k, v in d.items() if k != "text"} for d in DOCS]
    files = {
        "/search/records.json": heads,
        "/search/records-text.json": [{"text": d["text"]} for d in DOCS],
    }
    harness = LAZY_HARNESS.replace("FILES", json.dumps(files, ensure_ascii=False))
    done = subprocess.run(
        ["node", "-e", harness], input=worker_code, capture_output=True, text=True, check=True
    )
    out = json.loads(done.stdout)
    assert out["before"] == {"sent": 0, "fetched": 0}, "loaded before the search box was used"
    assert out["fetched"] == list(files)
    assert out["channel"]["name"] == "search-index"
    assert out["channel"]["posted"] == ["waiting", "complete"]
    assert out["sent"][0] == {"type": 1}
    assert "直接在偏好数据上优化" in json.dumps(out["sent"][-1]["data"], ensure_ascii=False)
