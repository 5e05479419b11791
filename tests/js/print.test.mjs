// Unit tests for docs/assets/js/print.js and offline.js (run by `make test` with Node's test runner).
import assert from "node:assert/strict";
import { test } from "node:test";

import { isOffline, LITE_NOTE, replaceLiteButtons } from "../../docs/assets/js/offline.js";
import { fitZoom, headingText, tocTree } from "../../docs/assets/js/print.js";

test("tocTree puts each question under the part before it", () => {
  const tree = tocTree([
    { level: 1, id: "a", text: "模型架构" },
    { level: 2, id: "a-q1", text: "问一？" },
    { level: 2, id: "a-q2", text: "问二？" },
    { level: 1, id: "glossary", text: "术语表" },
  ]);
  assert.deepEqual(
    tree.map((n) => [n.id, n.children.map((c) => c.id)]),
    [
      ["a", ["a-q1", "a-q2"]],
      ["glossary", []],
    ],
  );
});

test("tocTree nests a topic's pages and their questions, then returns to the top", () => {
  const tree = tocTree([
    { level: 1, id: "section-1", text: "模型架构" },
    { level: 2, id: "attention", text: "注意力机制" },
    { level: 3, id: "q1", text: "问一？" },
    { level: 3, id: "q2", text: "问二？" },
    { level: 2, id: "position", text: "位置编码" },
    { level: 3, id: "q3", text: "问三？" },
    { level: 1, id: "glossary", text: "术语表" },
  ]);
  const shape = (nodes) => nodes.map((n) => [n.id, shape(n.children)]);
  assert.deepEqual(shape(tree), [
    [
      "section-1",
      [
        [
          "attention",
          [
            ["q1", []],
            ["q2", []],
          ],
        ],
        ["position", [["q3", []]]],
      ],
    ],
    ["glossary", []],
  ]);
});

test("a question before any part stays at the top level", () => {
  assert.equal(tocTree([{ level: 2, id: "q", text: "问？" }]).length, 1);
});

test("fitZoom shrinks only what is wider than the page", () => {
  assert.equal(fitZoom(500, 680), 1);
  assert.equal(fitZoom(680, 680), 1);
  assert.equal(fitZoom(1360, 680), 0.5);
  assert.ok(fitZoom(1000, 680) * 1000 <= 680);
});

test("headingText drops the permalink sign", () => {
  assert.equal(headingText("为什么要除以 √d？¶"), "为什么要除以 √d？");
  assert.equal(headingText("  术语表 "), "术语表");
});

test("offline means opened from disk", () => {
  assert.equal(isOffline({ protocol: "file:" }), true);
  assert.equal(isOffline({ protocol: "https:" }), false);
});

test("replaceLiteButtons swaps the runner button for the note", () => {
  const replaced = [];
  const button = { replaceWith: (node) => replaced.push(node) };
  const root = { querySelectorAll: (sel) => (sel.includes('"lite"') ? [button] : []) };
  const doc = { createElement: (tag) => ({ tag }) };
  assert.equal(replaceLiteButtons(root, doc), 1);
  assert.equal(replaced[0].textContent, LITE_NOTE);
  assert.equal(replaced[0].className, "nb-offline-note");
});

