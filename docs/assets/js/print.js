// The print page (print/, made by mkdocs-print-site-plugin) made ready for paper: every 原始回答
// opened, a table of contents down to each question, formulas that are too wide scaled to the
// page. When everything is done and the fonts have loaded, <html data-print-ready> tells src/llm_interview/editions/pdf to print,
// and <html data-print-outline> holds the table of contents as JSON, which it turns into the PDF's bookmarks.

/** Nest flat headings ({level, id, text}) into a tree: each heading under the last heading of a
 * higher level before it (a heading with none stays at the top). */
export function tocTree(headings) {
  const tree = [];
  const open = []; // the last node of each level so far, outermost first
  for (const h of headings) {
    const node = { id: h.id, text: h.text, children: [] };
    while (open.length && open.at(-1).level >= h.level) open.pop();
    (open.length ? open.at(-1).node.children : tree).push(node);
    open.push({ level: h.level, node });
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

/** The questions directly in `container`: each h2 with an id that a question's parts follow. */
function questionsIn(container) {
  return [...container.querySelectorAll(":scope > h2[id]")].filter((h) => h.nextElementSibling?.matches(".qa-tags, .qa-keywords, .qa-answer"));
}

// Parts are the page's top-level sections: a topic (its subtopic pages inside, questions in
// those), the notebook appendix (its pages inside), and single pages (glossary, errata…).
function printedHeadings(root) {
  const headings = [];
  const add = (level, id, text) => headings.push({ level, id, text: headingText(text) });
  for (const part of root.querySelectorAll(":scope > section.print-page")) {
    const title = part.querySelector(":scope > h1");
    if (!title || !part.id) continue;
    add(1, part.id, title.textContent);
    for (const page of part.querySelectorAll(":scope section.print-page")) {
      const heading = page.querySelector("h1"); // a notebook's title sits inside its wrapper
      if (heading) add(2, page.id, heading.textContent);
      for (const h of questionsIn(page)) add(3, h.id, h.textContent);
    }
    for (const h of questionsIn(part)) add(2, h.id, h.textContent);
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

function fitWide(root) {
  for (const el of root.querySelectorAll("div.arithmatex > math, .md-typeset table")) {
    const box = el.parentElement;
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
  document.documentElement.dataset.printOutline = JSON.stringify(toc);
  if (nav) {
    nav.querySelector("ul")?.remove();
    nav.append(renderToc(toc, document));
  }
  await document.fonts.ready;
  fitWide(root);
  document.documentElement.dataset.printReady = "true";
}

// After `load`: the plugin fills its own table of contents on DOMContentLoaded; this one replaces it.
if (typeof window !== "undefined" && typeof document !== "undefined") {
  if (document.readyState === "complete") prepare();
  else window.addEventListener("load", prepare);
}
