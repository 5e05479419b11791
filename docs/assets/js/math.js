// Typeset the formulas that pymdownx.arithmatex marks (generic mode: `\(…\)` inline, `\[…\]` display)
// with the KaTeX the site serves itself. Runs on every page load, instant navigation included;
// the practice page imports `typeset` for the answers it shows.
const DELIMITERS = /^\\[([]|\\[)\]]$/g;

export function typeset(root) {
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

if (typeof document$ !== "undefined") document$.subscribe(() => typeset(document.body));
