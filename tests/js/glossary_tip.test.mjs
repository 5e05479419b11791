// Unit tests for docs/assets/js/glossary-tip/rules.js (run with `node --test tests/js/`).
import assert from "node:assert/strict";
import { test } from "node:test";

import { HIDE, NONE, placeTip, tipAction } from "../../docs/assets/js/glossary-tip/rules.js";

const a = { name: "abbr a" };
const b = { name: "abbr b" };

test("a mouse shows the tip on hover and hides it when leaving term and tip", () => {
  assert.deepEqual(tipAction({ type: "pointerover", pointerType: "mouse", term: a }, null), {
    action: "show",
    term: a,
  });
  assert.equal(tipAction({ type: "pointerover", pointerType: "mouse", term: a }, a), NONE);
  assert.equal(tipAction({ type: "pointerout", pointerType: "mouse", term: a }, a), HIDE);
  const intoTip = { type: "pointerout", pointerType: "mouse", term: a, toTip: true };
  assert.equal(tipAction(intoTip, a), NONE);
  const outOfTip = { type: "pointerout", pointerType: "mouse", term: null, inTip: true };
  assert.equal(tipAction(outOfTip, a), HIDE);
  assert.equal(tipAction({ ...outOfTip, toTerm: a }, a), NONE);
});

test("touch hover does nothing; a tap toggles the tip and a tap elsewhere hides it", () => {
  assert.equal(tipAction({ type: "pointerover", pointerType: "touch", term: a }, null), NONE);
  assert.equal(tipAction({ type: "focusin", term: a, focusVisible: false }, null), NONE);
  assert.deepEqual(tipAction({ type: "click", pointerType: "touch", term: a }, null).term, a);
  assert.equal(tipAction({ type: "click", pointerType: "touch", term: a }, a), HIDE);
  assert.deepEqual(tipAction({ type: "click", pointerType: "touch", term: b }, a).term, b);
  assert.equal(tipAction({ type: "click", pointerType: "touch", term: null }, a), HIDE);
  assert.equal(tipAction({ type: "click", pointerType: "touch", term: null, inTip: true }, a), NONE);
  assert.equal(tipAction({ type: "click", pointerType: "touch", term: null }, null), NONE);
});

test("a mouse click on the open term keeps it open", () => {
  assert.equal(tipAction({ type: "click", pointerType: "mouse", term: a }, a), NONE);
});

test("the keyboard shows the tip on focus, Esc and leaving hide it", () => {
  assert.deepEqual(tipAction({ type: "focusin", term: a, focusVisible: true }, null).term, a);
  assert.equal(tipAction({ type: "keydown", key: "Escape" }, a), HIDE);
  assert.equal(tipAction({ type: "keydown", key: "Escape" }, null), NONE);
  assert.equal(tipAction({ type: "keydown", key: "Tab" }, a), NONE);
  assert.equal(tipAction({ type: "focusout", term: a }, a), HIDE);
  assert.equal(tipAction({ type: "focusout", term: b }, a), NONE);
});

test("events away from any term leave a closed tip closed", () => {
  for (const type of ["pointerover", "pointerout", "focusin", "focusout", "scroll"]) {
    assert.equal(tipAction({ type, pointerType: "mouse", term: null }, null), NONE, type);
  }
});

const view = { width: 390, height: 800, scrollX: 0, scrollY: 1000 };

test("the tip sits under the term, centred, in page coordinates", () => {
  const term = { left: 150, top: 100, bottom: 120, width: 40 };
  const at = placeTip(term, { width: 200, height: 60 }, view);
  assert.deepEqual(at, { top: 1128, left: 70, below: true, arrow: 100 });
});

test("without room below the tip goes above the term", () => {
  const term = { left: 150, top: 760, bottom: 780, width: 40 };
  const at = placeTip(term, { width: 200, height: 60 }, view);
  assert.equal(at.below, false);
  assert.equal(at.top, 1000 + 760 - 8 - 60);
});

test("without room on either side the tip stays below", () => {
  const term = { left: 150, top: 30, bottom: 50, width: 40 };
  assert.equal(placeTip(term, { width: 200, height: 900 }, view).below, true);
});

test("the tip stays inside the viewport and its tail still points at the term", () => {
  const nearLeft = placeTip({ left: 2, top: 100, bottom: 120, width: 20 }, { width: 300, height: 50 }, view);
  assert.equal(nearLeft.left, 12);
  assert.equal(nearLeft.arrow, 10);
  const nearRight = placeTip({ left: 360, top: 100, bottom: 120, width: 28 }, { width: 300, height: 50 }, view);
  assert.equal(nearRight.left, 390 - 12 - 300);
  assert.equal(nearRight.arrow, 300 - 10); // the term is past the tip: the tail keeps to its edge
});

test("a tip wider than the viewport starts at the margin", () => {
  const at = placeTip({ left: 100, top: 100, bottom: 120, width: 20 }, { width: 500, height: 50 }, view);
  assert.equal(at.left, 12);
});
