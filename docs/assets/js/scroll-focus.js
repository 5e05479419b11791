// Boxes that scroll sideways on a narrow screen (wide tables, long formulas, notebook output)
// take keyboard focus, so that a reader without mouse or touch can scroll them with the arrow
// keys (WCAG 2.1.1, axe scrollable-region-focusable). Only boxes that overflow become tab stops;
// a classic script, so that the offline copy opened from disk runs it too. Measured when the
// browser is idle: measuring as the page starts forced a layout of the whole page in the middle
// of Material's start-up (issue 22), while once the page is drawn the sizes are there to read.
const SCROLLERS = [".md-typeset__scrollwrap", ".md-typeset div.arithmatex", ".jupyter-wrapper .jp-OutputArea-output pre"].join(", ");

function focusScrollers() {
  const boxes = [...document.querySelectorAll(SCROLLERS)];
  const overflowing = boxes.map((box) => box.scrollWidth > box.clientWidth); // all reads, then writes
  boxes.forEach((box, i) => {
    if (overflowing[i] && !box.hasAttribute("tabindex")) {
      box.tabIndex = 0;
      box.dataset.scrollFocus = "";
    } else if (!overflowing[i] && "scrollFocus" in box.dataset) {
      box.removeAttribute("tabindex");
      delete box.dataset.scrollFocus;
    }
  });
}

let pending = false;
window.addEventListener("resize", () => {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    focusScrollers();
  });
});

/** Run `task` when the browser is idle (within two seconds at most). */
function whenIdle(task) {
  if (typeof requestIdleCallback === "function") requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 0);
}

// Again once the web fonts (the formulas' among them) have loaded: they change the boxes' widths.
if (typeof document$ !== "undefined") {
  document$.subscribe(() => {
    whenIdle(focusScrollers);
    document.fonts.ready.then(() => whenIdle(focusScrollers));
  });
}
