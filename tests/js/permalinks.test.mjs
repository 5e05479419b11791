import assert from "node:assert/strict";
import { test } from "node:test";

import { hashId, targetOf } from "../../docs/assets/js/permalink-target.js";

const root = "https://example.org/site/";
const map = { rope: "architecture/position/", "kv-cache-gqa": "inference/kv-cache/" };
const nowhere = () => false;

test("an old topic link goes to the page that holds the question", () => {
  assert.equal(targetOf("#rope", map, root, nowhere), "https://example.org/site/architecture/position/#rope");
});

test("a hash already on the page, an unknown id and no hash stay put", () => {
  assert.equal(
    targetOf("#rope", map, root, (id) => id === "rope"),
    null,
  );
  assert.equal(targetOf("#no-such-question", map, root, nowhere), null);
  assert.equal(targetOf("", map, root, nowhere), null);
  assert.equal(targetOf("#", map, root, nowhere), null);
});

test("inherited object keys are not ids", () => {
  assert.equal(targetOf("#constructor", map, root, nowhere), null);
  assert.equal(targetOf("#__proto__", map, root, nowhere), null);
});

test("hash ids are decoded, and a malformed escape names no id", () => {
  assert.equal(hashId("#%E6%B3%A8%E6%84%8F"), "注意");
  assert.equal(hashId("#%E6%B3"), "");
});
