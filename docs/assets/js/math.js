// Typeset the formulas that pymdownx.arithmatex marks (generic mode: `\(…\)` inline, `\[…\]` display)
// with the KaTeX the site serves itself, and the `$…$` left in notebook prose. Runs on every page
// load, instant navigation included. A classic script, not a module, so that it also runs in the
// offline copy opened from disk; the practice page calls `window.typesetMath` for the answers it shows.
const DELIMITERS = /^\\[([]|\\[)\]]$/g;

// A page load typesets in slices of about SLICE_MS, yielding to the browser in between: a topic
// page has a hundred formulas, and typesetting them in one go blocked the main thread for most
// of a second on a phone.
const SLICE_MS = 25;

// The print page (the PDF editions) leaves out KaTeX's MathML copy, which is for screen readers:
// paper has none, and its three thousand hidden copies made printing a quarter slower.
const OUTPUT = document.getElementById("print-site-page") ? "html" : "htmlAndMathml";

function typesetOne(el) {
  if (el.dataset.typeset) return;
  const display = el.tagName === "DIV";
  const tex = el.textContent.trim().replace(DELIMITERS, "");
  try {
    katex.render(tex, el, { displayMode: display, throwOnError: false, output: OUTPUT });
    el.dataset.typeset = "1";
  } catch (err) {
    console.error("KaTeX:", err);
  }
}

/** Typeset every formula under `root` now (the practice page, for the answer it shows). */
function typeset(root) {
  for (const el of root.querySelectorAll(".arithmatex")) typesetOne(el);
}

/** Typeset every formula under `root` in document order, a slice at a time. */
function typesetInSlices(root) {
  const pending = [...root.querySelectorAll(".arithmatex:not([data-typeset])")];
  const slice = () => {
    const end = performance.now() + SLICE_MS;
    while (pending.length && performance.now() < end) typesetOne(pending.shift());
    if (pending.length) setTimeout(slice, 0);
  };
  slice();
}

// Notebook prose (mkdocs-jupyter) keeps `$…$` and `$$…$$` as text: KaTeX's auto-render finds them.
const NOTEBOOK_DELIMITERS = [
  { left: "$$", right: "$$", display: true },
  { left: "$", right: "$", display: false },
];

function typesetNotebooks(root) {
  for (const el of root.querySelectorAll(".jupyter-wrapper")) {
    if (el.dataset.typeset) continue;
    renderMathInElement(el, { delimiters: NOTEBOOK_DELIMITERS, throwOnError: false });
    el.dataset.typeset = "1";
  }
}

window.typesetMath = typeset;

if (typeof document$ !== "undefined") {
  document$.subscribe(() => {
    typesetInSlices(document.body);
    typesetNotebooks(document.body);
  });
}
