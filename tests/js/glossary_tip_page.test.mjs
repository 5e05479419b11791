// docs/assets/js/glossary-tip/main.js in a DOM: the one shared tip, made on first use, moved from
// term to term, and hidden by the mouse, a tap, Esc, a resize or the next page. Where it goes is
// rules.js's placeTip (glossary_tip.test.mjs); focus from the keyboard and real layout stay in the
// browser tests (tests/test_reading_site.py).
import assert from "node:assert/strict";
import { test } from "node:test";

import { documentStream, load, openPage, press } from "./page.mjs";

const ATTENTION = "注意力：按相关程度给序列中各位置加权求和。";
const ROPE = "RoPE：把位置编码成向量的旋转角度。";
const BODY = `<article class="md-content__inner md-typeset"><h2 id="a">注意力的计算</h2>
  <div class="qa-answer"><p><abbr tabindex="0" title="${ATTENTION}">注意力</abbr>与<abbr tabindex="0" title="${ROPE}">RoPE</abbr>。</p></div>
  <p id="elsewhere">别处</p></article><p><abbr title="页面之外">OUT</abbr></p>`;

/** The page with the tip script loaded; its terms and Material's page stream. */
async function page() {
  openPage({ body: BODY });
  const pages = documentStream();
  await load("glossary-tip/main.js");
  const [attention, rope] = document.querySelectorAll(".qa-answer abbr");
  return { attention, rope, pages };
}

const tip = () => document.getElementById("qa-tip");
const shown = () => tip() !== null && !tip().hidden;

function pointer(type, target, pointerType = "mouse", relatedTarget = null) {
  target.dispatchEvent(new window.PointerEvent(type, { pointerType, relatedTarget, bubbles: true }));
}

function tap(target) {
  pointer("pointerdown", target, "touch");
  target.dispatchEvent(new window.MouseEvent("click", { bubbles: true }));
}

test("hovering a term shows the one shared tip, made on first use, in place of the native title", async () => {
  const { attention, rope } = await page();
  assert.equal(tip(), null, "no tip is made at page load");
  pointer("pointerover", attention);
  assert.ok(shown());
  assert.equal(tip().textContent, ATTENTION);
  assert.equal(tip().getAttribute("role"), "tooltip");
  assert.equal(attention.getAttribute("aria-describedby"), "qa-tip");
  assert.equal(attention.getAttribute("title"), null, "no native tooltip on top of ours");
  await new Promise((resolve) => requestAnimationFrame(resolve));
  assert.ok(tip().classList.contains("qa-tip--active"));

  pointer("pointerover", rope);
  assert.equal(tip().textContent, ROPE);
  assert.equal(attention.getAttribute("title"), ATTENTION, "the title comes back when the tip moves on");
  assert.equal(attention.getAttribute("aria-describedby"), null);
  assert.equal(document.querySelectorAll(".qa-tip").length, 1);

  pointer("pointerout", rope, "mouse", tip());
  assert.ok(shown(), "the pointer may move into the tip");
  pointer("pointerout", tip(), "mouse", document.getElementById("elsewhere"));
  assert.ok(!shown());
  assert.equal(rope.getAttribute("title"), ROPE);
});

test("the tip goes where placeTip says, in page coordinates: above a term with no room below it", async () => {
  const { attention } = await page();
  Object.defineProperty(document.documentElement, "clientWidth", { value: 1000 });
  attention.getBoundingClientRect = () => ({ left: 150, top: 738, bottom: 758, width: 40, height: 20 }); // the viewport is 768 high
  window.HTMLDivElement.prototype.getBoundingClientRect = () => ({ width: 200, height: 60 });
  window.scrollTo(0, 500);
  pointer("pointerover", attention);
  assert.deepEqual([tip().style.top, tip().style.left], [`${500 + 738 - 8 - 60}px`, `${150 + 20 - 100}px`]);
  assert.equal(tip().style.getPropertyValue("--qa-tip-arrow"), "100px");
  assert.ok(tip().classList.contains("qa-tip--above"));
});

test("a tap toggles the tip, a tap elsewhere hides it; hovering with a finger does nothing", async () => {
  const { attention, rope } = await page();
  pointer("pointerover", attention, "touch");
  assert.equal(tip(), null);
  tap(attention);
  assert.ok(shown() && tip().textContent === ATTENTION);
  tap(attention);
  assert.ok(!shown());
  tap(attention);
  tap(rope);
  assert.equal(tip().textContent, ROPE);
  tap(tip());
  assert.ok(shown(), "a tap inside the tip keeps it");
  tap(document.getElementById("elsewhere"));
  assert.ok(!shown());
});

test("Esc, a resize and the next page (instant navigation) each hide the tip", async () => {
  const { attention, pages } = await page();
  for (const hide of [() => press("Escape"), () => window.dispatchEvent(new window.Event("resize")), () => pages.next()]) {
    pointer("pointerover", attention);
    assert.ok(shown());
    hide();
    assert.ok(!shown());
    assert.equal(attention.getAttribute("title"), ATTENTION);
  }
});

test("abbreviations outside the article's text are left to the browser", async () => {
  await page();
  pointer("pointerover", document.querySelector("body > p abbr"));
  assert.equal(tip(), null);
});
