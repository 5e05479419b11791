// Unit tests for docs/assets/js/print.js and offline.js (run by `make test` with Node's test runner).
import assert from "node:assert/strict";
import { test } from "node:test";

import { isOffline, LITE_NOTE, replaceLiteButtons } from "../../docs/assets/js/offline.js";
import { fitZoom, headingText, tocTree } from "../../docs/assets/js/print.js";
import { load, openPage, SITE, settle } from "./page.mjs";

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

// The print page (happy-dom): the events src/llm_interview/editions/pdf sends, and what the page
// leaves on <html> for it. A part, a subtopic page, questions (one hidden, as the smoke test's
// sample hides it), the cover of each edition and the contents.
const PRINT_PAGE = `<div id="print-site-page">
  <section id="print-site-cover-page"><div class="edition-cover" data-topic="">全书</div><div class="edition-cover" data-topic="rl">强化学习</div></section>
  <section class="print-page"><div id="print-page-toc"><nav></nav></div></section>
  <section class="print-page" id="section-1"><h1>模型架构</h1>
    <section class="print-page" id="architecture-attention"><h1>注意力</h1><h2 class="qa-question" id="architecture-attention-mha">多头？</h2></section></section>
  <section class="print-page" id="section-2"><h1>强化学习</h1>
    <section class="print-page" id="rl-basics"><h1>基础</h1><h2 class="qa-question" id="rl-basics-ppo">PPO？</h2><h2 class="qa-question" id="rl-basics-dpo" hidden>DPO？</h2></section></section>
  <section class="print-page" id="glossary"><h1>术语表</h1></section>
</div>`;
const EDITION = '<script type="application/json" id="print-edition">{"site":"https://x.org/","topics":{"rl":"section-2"},"pages":{}}</script>';

async function printPage() {
  openPage({ url: `${SITE}print/`, head: EDITION, body: PRINT_PAGE });
  Object.defineProperty(document, "fonts", { value: { ready: Promise.resolve() } });
  await load("print.js");
  while (document.documentElement.dataset.printReady !== "true") await settle();
  const html = document.documentElement.dataset;
  const name = (el) => el.id || (el.matches(".edition-cover") ? `cover ${el.dataset.topic}` : "contents");
  const shown = () => [...document.querySelectorAll("#print-site-page > section, .edition-cover")].filter((el) => !el.closest("[hidden]")).map(name);
  const send = (type, detail) => document.dispatchEvent(new window.CustomEvent(type, { detail }));
  return { html, shown, send };
}

test("the print page picks an edition: its cover, parts and contents, left on <html>", async () => {
  const { html, shown, send } = await printPage();
  assert.equal(html.printEdition, "");
  assert.deepEqual(JSON.parse(html.printParts), ["section-1", "section-2", "glossary"]);
  send("print:edition", "rl");
  assert.equal(html.printEdition, "rl");
  assert.deepEqual(JSON.parse(html.printParts), ["section-2"]);
  const outline = JSON.parse(html.printOutline);
  const shape = (nodes) => nodes.map((n) => [n.id, shape(n.children)]);
  assert.deepEqual(shape(outline), [["section-2", [["rl-basics", [["rl-basics-ppo", []]]]]]]); // not the hidden question
  assert.deepEqual(shown(), ["print-site-cover-page", "cover rl", "contents", "section-2"]);
  assert.deepEqual(
    [...document.querySelectorAll("#print-page-toc a")].map((a) => a.getAttribute("href")),
    ["#section-2", "#rl-basics", "#rl-basics-ppo"],
  );
});

test("the print page leaves one unit of the edition on the page, named on <html>", async () => {
  const { html, shown, send } = await printPage();
  send("print:unit", "front");
  assert.equal(html.printUnit, "front");
  assert.deepEqual(shown(), ["print-site-cover-page", "cover ", "contents"]);
  send("print:unit", "section-1");
  assert.equal(html.printUnit, "section-1");
  assert.deepEqual(shown(), ["section-1"]);
  send("print:edition", "rl"); // the whole edition again, then one of its parts
  assert.equal(html.printUnit, undefined);
  assert.deepEqual(shown(), ["print-site-cover-page", "cover rl", "contents", "section-2"]);
  send("print:unit", "section-2");
  assert.deepEqual(shown(), ["section-2"]);
});
