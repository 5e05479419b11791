// What a page script needs to know that the build knows (a page's topic, a question's id, its
// keywords) the build writes into the page or a JSON file (src/llm_interview/site/facts.py,
// data-* attributes, practice.json, permalinks.json): no script guesses it from the address's path.
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { test } from "node:test";

const SCRIPTS = new URL("../../docs/assets/js/", import.meta.url);

test("no page script reads facts from the address's path", async () => {
  const names = (await readdir(SCRIPTS, { recursive: true })).filter((name) => name.endsWith(".js"));
  assert.ok(names.length > 20);
  for (const name of names) {
    const text = await readFile(new URL(name, SCRIPTS), "utf-8");
    assert.doesNotMatch(text, /location\.pathname|location\.href\.split|pathname\.split/, name);
  }
});
