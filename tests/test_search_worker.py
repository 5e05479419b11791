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
# fetches the heads (READY) and the answer texts in shards, relative to its own URL; each file
# arrives a little later, so a query can come while shards are still on their way.
LAZY_HARNESS = """
const vm = require("node:vm");
const sent = [], fetched = [], channels = [];
let onMessage = null;
class BroadcastChannel {
  constructor(name) { this.name = name; this.posted = []; channels.push(this); }
  postMessage(m) { this.posted.push(m); }
}
const files = FILES;
const later = (value) => new Promise((r) => setTimeout(() => r(value), 20));
const scope = {
  addEventListener: (type, f) => { onMessage = f; }, postMessage: (m) => sent.push(m),
  BroadcastChannel, URL, self: { location: { href: "http://x/assets/js/search/worker.js" } },
  fetch: async (url) => {
    fetched.push(url.pathname);
    return later({ ok: true, json: async () => files[url.pathname] });
  },
};
vm.runInNewContext(require("node:fs").readFileSync(0, "utf8"), scope);
const tick = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  onMessage({ data: { type: 0, data: { config: { records: RECORDS }, docs: [], options: {} } } });
  await tick(30);
  const before = { sent: sent.length, fetched: fetched.length };
  channels[0].onmessage({ data: "load" });
  while (!sent.length) await tick(1);
  onMessage({ data: { type: 2, data: "QUERY" } });
  while (channels[0].posted.at(-1) !== "complete") await tick(5);
  console.log(JSON.stringify({ before, sent, fetched, channel: channels[0] }));
})();
"""
SHARDED = [
    {"location": "rl/", "title": "强化学习与对齐", "text": ""},
    {"location": "rl/#ppo", "title": "PPO 的原理？", "text": "裁剪更新。"},
    {"location": "rl/#grpo", "title": "GRPO 的原理？", "text": "组内相对优势。"},
    {"location": "rl/#rm", "title": "奖励模型怎么训？", "text": "成对偏好。"},
    {
        "location": "rl/#dpo",
        "title": "DPO 为什么不需要奖励模型？",
        "text": "直接在偏好数据上优化。",
    },
]


def _run(code: str, harness: str) -> dict:
    done = subprocess.run(
        ["node", "-e", harness], input=code, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_the_worker_fetches_the_records_only_when_the_page_asks(worker_code):
    starts = [0, 2, 3, 4]  # four shards of texts; the query's answer is in the last one
    heads = [{k: v for k, v in d.items() if k != "text"} for d in SHARDED]
    files = {"/search/records-0.json": heads[:3], "/search/records-1.json": heads[3:]}
    for k, (start, end) in enumerate(zip(starts, [*starts[1:], len(SHARDED)], strict=True)):
        files[f"/search/records-text-{k}.json"] = [{"text": d["text"]} for d in SHARDED[start:end]]
    records = {
        "heads": {"url": "../../../search/records-", "starts": [0, 3]},
        "texts": {"url": "../../../search/records-text-", "starts": starts},
    }
    harness = (
        LAZY_HARNESS.replace("FILES", json.dumps(files, ensure_ascii=False))
        .replace("RECORDS", json.dumps(records))
        .replace("QUERY", "dpo")
    )
    out = _run(worker_code, harness)
    assert out["before"] == {"sent": 0, "fetched": 0}, "loaded before the search box was used"
    texts = [f"/search/records-text-{k}.json" for k in range(4)]
    # the heads, then the texts two at a time, in order, until the query's result is on screen:
    # its shard comes next
    assert out["fetched"] == [*list(files)[:2], texts[0], texts[1], texts[3], texts[2]]
    assert out["channel"]["name"] == "search-index"
    assert out["channel"]["posted"] == ["waiting", "complete"]
    assert out["sent"][0] == {"type": 1}
    results = [m["data"] for m in out["sent"] if m["type"] == 3]
    assert "直接在偏好数据上优化" not in json.dumps(results[0], ensure_ascii=False)
    assert "直接在偏好数据上优化" in json.dumps(results[1], ensure_ascii=False)  # its shard came
    inline = HARNESS.replace("DOCS", json.dumps(SHARDED, ensure_ascii=False))
    assert results[-1] == _run(worker_code, inline)[1]["data"]  # as if loaded at once
