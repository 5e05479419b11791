// docs/assets/js/scroll-focus.js in a DOM: boxes that overflow sideways become tab stops once the
// browser is idle, not while the page starts; boxes that fit do not. Sizes are what the test says
// (happy-dom has no layout).
import assert from "node:assert/strict";
import { test } from "node:test";

import { documentStream, load, openPage, settle } from "./page.mjs";

const BODY = `<article class="md-content__inner md-typeset">
  <div class="md-typeset__scrollwrap" id="wide"><table></table></div>
  <div class="md-typeset__scrollwrap" id="narrow"><table></table></div></article>`;

/** Give `el` a content width and a box width, as layout would. */
function size(el, scrollWidth, clientWidth) {
  Object.defineProperty(el, "scrollWidth", { value: scrollWidth, configurable: true });
  Object.defineProperty(el, "clientWidth", { value: clientWidth, configurable: true });
}

test("an overflowing box becomes a tab stop when the browser is idle, not as the page starts", async () => {
  openPage({ body: BODY });
  Object.defineProperty(document, "fonts", { value: { ready: Promise.resolve() } }); // fonts loaded
  const pages = documentStream();
  await load("scroll-focus.js");
  size(document.getElementById("wide"), 900, 400);
  size(document.getElementById("narrow"), 300, 400);
  pages.next();
  assert.equal(document.getElementById("wide").getAttribute("tabindex"), null, "nothing is measured as the page starts");
  await settle();
  assert.equal(document.getElementById("wide").tabIndex, 0);
  assert.equal(document.getElementById("narrow").getAttribute("tabindex"), null);
});
