// The print page (print/, made by mkdocs-print-site-plugin) made ready for paper: every 原始回答
// opened, a table of contents down to each question, formulas that are too wide scaled to the
// page. When everything is done and typeset, <html data-print-ready> tells scripts/pdf to print.

/** Nest flat headings ({level, id, text}) into a tree: each level-2 heading under its level 1. */
export function tocTree(headings) {
  const tree = [];
  for (const h of headings) {
    const node = { id: h.id, text: h.text, children: [] };
    const parent = tree.at(-1);
    if (h.level > 1 && parent) parent.children.push(node);
    else tree.push(node);
  }
  return tree;
}

/** The zoom that makes content `needed` px wide fit in `available` px (1 when it already fits). */
export function fitZoom(needed, available) {
  if (!(needed > available) || available <= 0) return 1;
  return Math.floor((available / needed) * 100) / 100;
}

/** The text of a heading without its permalink sign. */
export function headingText(text) {
  return text.replace(/[¶#]\s*$/u, "").trim();
}

// Parts are the page's top-level sections; questions are the h2 with an id on topic pages, and
// the notebooks are the pages inside the appendix section.
function printedHeadings(root) {
  const headings = [];
  for (const part of root.querySelectorAll(":scope > section.print-page")) {
    const title = part.querySelector(":scope > h1");
    if (!title || !part.id) continue;
    headings.push({ level: 1, id: part.id, text: headingText(title.textContent) });
    for (const page of part.querySelectorAll(":scope section.print-page")) {
      const heading = page.querySelector("h1"); // a notebook's title sits inside its wrapper
      if (heading) headings.push({ level: 2, id: page.id, text: headingText(heading.textContent) });
    }
    for (const h of part.querySelectorAll(":scope > h2[id]")) {
      if (h.nextElementSibling?.matches(".qa-tags, .qa-keywords, .qa-answer")) {
        headings.push({ level: 2, id: h.id, text: headingText(h.textContent) });
      }
    }
  }
  return headings;
}

function renderToc(tree, doc) {
  const list = doc.createElement("ul");
  for (const node of tree) {
    const item = doc.createElement("li");
    const link = doc.createElement("a");
    link.href = `#${node.id}`;
    link.textContent = node.text;
    item.append(link);
    if (node.children.length) item.append(renderToc(node.children, doc));
    list.append(item);
  }
  return list;
}

function typesetDone(root) {
  const math = root.querySelectorAll(".arithmatex, .jupyter-wrapper");
  return [...math].every((el) => el.dataset.typeset);
}

function fitWide(root) {
  for (const el of root.querySelectorAll(".katex-display > .katex, .md-typeset table")) {
    const box = el.closest(".katex-display") ?? el.parentElement;
    const zoom = fitZoom(el.scrollWidth, box.clientWidth);
    if (zoom < 1) el.style.zoom = String(zoom);
  }
}

async function prepare() {
  const root = document.getElementById("print-site-page");
  if (!root) return;
  for (const d of root.querySelectorAll("details")) d.open = true;
  const nav = document.querySelector("#print-page-toc nav");
  const toc = tocTree(printedHeadings(root));
  window.printEdition = { toc }; // scripts/pdf turns the same tree into the PDF's bookmarks
  if (nav) {
    nav.querySelector("ul")?.remove();
    nav.append(renderToc(toc, document));
  }
  while (!typesetDone(root)) await new Promise((resolve) => setTimeout(resolve, 50));
  await document.fonts.ready;
  fitWide(root);
  document.documentElement.dataset.printReady = "true";
}

// After `load`: the plugin fills its own table of contents on DOMContentLoaded; this one replaces it.
if (typeof window !== "undefined" && typeof document !== "undefined") {
  if (document.readyState === "complete") prepare();
  else window.addEventListener("load", prepare);
}
