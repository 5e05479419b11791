// Unit tests for docs/assets/js/original.js (run by `make test` with Node's built-in test runner).
import assert from "node:assert/strict";
import { test } from "node:test";

import { closedAround, reveal } from "../../docs/assets/js/original.js";
import { documentStream, load, openPage, SITE, settle } from "./page.mjs";

const node = (tagName, parentElement = null, open = false) => ({ tagName, parentElement, open });

test("closedAround lists the closed details around a node, innermost first", () => {
  const outer = node("DETAILS");
  const inner = node("DETAILS", node("DIV", outer));
  const p = node("P", inner);
  assert.deepEqual(closedAround(p), [inner, outer]);
});

test("open details are left alone", () => {
  const d = node("DETAILS", null, true);
  assert.deepEqual(closedAround(node("P", d)), []);
  assert.equal(reveal(node("P", d)), false);
});

test("reveal opens every closed details around the node", () => {
  const outer = node("DETAILS");
  const inner = node("DETAILS", outer);
  assert.equal(reveal(node("SPAN", inner)), true);
  assert.ok(inner.open && outer.open);
});

// The script on a page (happy-dom): what it opens when Material shows a page.
const ENTRY = `<article class="md-content__inner"><h2 id="lora">LoRA 是什么？</h2><div class="qa-answer"><p>参考答案</p></div>
  <details class="quote"><summary>原始回答</summary><p id="rank">秩分解</p><details><summary>更多</summary><p id="deep">更深</p></details></details>
  <details class="quote" id="other"><summary>原始回答</summary><p>别的题</p></details></article>`;

async function shown(url) {
  openPage({ url, body: ENTRY });
  const pages = documentStream();
  const scrolled = [];
  window.HTMLElement.prototype.scrollIntoView = function () {
    scrolled.push(this.id);
  };
  await load("original.js");
  pages.next();
  return { scrolled, open: () => [...document.querySelectorAll("details")].filter((d) => d.open).length };
}

test("a link to an anchor inside a collapsed 原始回答 opens it and scrolls there, on load and on hashchange", async () => {
  const page = await shown(`${SITE}fine-tuning/lora/#deep`);
  assert.equal(page.open(), 2);
  assert.deepEqual(page.scrolled, ["deep"]);
  for (const d of document.querySelectorAll("details")) d.open = false;
  location.hash = "#rank";
  await settle();
  assert.equal(page.open(), 1);
  assert.deepEqual(page.scrolled, ["deep", "rank"]);
  location.hash = "#lora";
  await settle();
  assert.equal(page.open(), 1, "an anchor outside a 原始回答 opens nothing");
  assert.deepEqual(page.scrolled, ["deep", "rank"]);
});

test("search hits Material marks later inside a 原始回答 (?h=) open it; without ?h= nothing is watched", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const page = await shown(`${SITE}fine-tuning/lora/?h=%E7%A7%A9`);
  assert.equal(page.open(), 0);
  document.getElementById("rank").innerHTML = '<mark data-md-highlight="">秩</mark>分解';
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(page.open(), 1);
  assert.equal(document.getElementById("other").open, false);
  t.mock.timers.tick(10000); // then it stops watching
  document.querySelector("#other p").innerHTML = '<mark data-md-highlight="">别</mark>的题';
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(document.getElementById("other").open, false);

  const plain = await shown(`${SITE}fine-tuning/lora/`);
  document.getElementById("rank").innerHTML = '<mark data-md-highlight="">秩</mark>分解';
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(plain.open(), 0);
});
