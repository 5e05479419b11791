// Boxes that scroll sideways on a narrow screen (wide tables, long formulas, notebook output)
// take keyboard focus, so that a reader without mouse or touch can scroll them with the arrow
// keys (WCAG 2.1.1, axe scrollable-region-focusable). Only boxes that overflow become tab stops;
// a classic script, so that the offline copy opened from disk runs it too.
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

// Again once the web fonts (the formulas' among them) have loaded: they change the boxes' widths.
if (typeof document$ !== "undefined") {
  document$.subscribe(() => {
    focusScrollers();
    document.fonts.ready.then(focusScrollers);
  });
}
