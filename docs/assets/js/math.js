// Typeset the formulas that pymdownx.arithmatex marks (generic mode: `\(…\)` inline, `\[…\]` display)
// with the KaTeX the site serves itself, and the `$…$` left in notebook prose. Runs on every page
// load, instant navigation included. A classic script, not a module, so that it also runs in the
// offline copy opened from disk; the practice page calls `window.typesetMath` for the answers it shows.
const DELIMITERS = /^\\[([]|\\[)\]]$/g;

function typeset(root) {
  for (const el of root.querySelectorAll(".arithmatex")) {
    if (el.dataset.typeset) continue;
    const display = el.tagName === "DIV";
    const tex = el.textContent.trim().replace(DELIMITERS, "");
    try {
      katex.render(tex, el, { displayMode: display, throwOnError: false, output: "htmlAndMathml" });
      el.dataset.typeset = "1";
    } catch (err) {
      console.error("KaTeX:", err);
    }
  }
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
    typeset(document.body);
    typesetNotebooks(document.body);
  });
}
