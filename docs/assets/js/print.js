// The print page (print/, made by mkdocs-print-site-plugin) made ready for paper: every 原始回答
// opened, a table of contents down to each question, formulas that are too wide scaled to the
// page. When everything is done and the fonts have loaded, <html data-print-ready> tells
// src/llm_interview/editions/pdf to print. It prints every PDF from this page, unit by unit, and
// puts each PDF together from its units; two events on the document choose what is on the page:
// - `print:edition` (detail: a topic's slug, "" for the full edition) picks the edition: its
//   cover, its parts, its contents. <html> then holds the contents as JSON (data-print-outline,
//   which become the PDF's bookmarks), the parts' ids (data-print-parts) and, last, the slug
//   (data-print-edition).
// - `print:unit` (detail: "front" for the cover and contents, a part's id, or "" for the whole
//   edition) leaves one unit of that edition on the page and names it in <html data-print-unit>.

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

/** The questions directly in `container` that are printed. */
function questionsIn(container) {
  return container.querySelectorAll(":scope > h2.qa-question[id]:not([hidden])");
}

// Parts are the page's top-level sections: a topic (its subtopic pages inside, questions in
// those), the notebook appendix (its pages inside), and single pages (glossary, errata…). What is
// hidden is not printed, so not listed: the parts an edition leaves out, and what the smoke
// test's sample drops (src/llm_interview/editions/pdf/render.py).
function printedHeadings(root) {
  const headings = [];
  const add = (level, id, text) => headings.push({ level, id, text: headingText(text) });
  for (const part of root.querySelectorAll(":scope > section.print-page:not([hidden])")) {
    const title = part.querySelector(":scope > h1");
    if (!title || !part.id) continue;
    add(1, part.id, title.textContent);
    for (const page of part.querySelectorAll(":scope section.print-page:not([hidden])")) {
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

/** Pick the edition: the full one (slug "") or one topic's, its cover, parts and contents. */
function select(root, data, slug) {
  const part = slug ? data.topics[slug] : "";
  if (part === undefined) throw new Error(`print.js: no part for topic ${slug}`);
  for (const cover of root.querySelectorAll(".edition-cover")) cover.hidden = cover.dataset.topic !== slug;
  const parts = [];
  for (const section of root.querySelectorAll(":scope > section.print-page[id]")) {
    section.toggleAttribute("data-print-omitted", Boolean(part) && section.id !== part);
    if (!("printOmitted" in section.dataset)) parts.push(section.id);
  }
  show(root, "");
  const toc = tocTree(printedHeadings(root));
  const nav = document.querySelector("#print-page-toc nav");
  if (nav) {
    nav.querySelector("ul")?.remove();
    nav.append(renderToc(toc, document));
  }
  const html = document.documentElement;
  html.dataset.printOutline = JSON.stringify(toc);
  html.dataset.printParts = JSON.stringify(parts);
  html.dataset.printEdition = slug;
}

/** Leave one unit of the edition on the page: "front" (cover and contents), a part's id, or ""
 * for all of it. */
function show(root, unit) {
  const front = [root.querySelector(":scope > #print-site-cover-page"), root.querySelector(":scope > section.print-page:not([id])")];
  for (const el of front) if (el) el.hidden = unit !== "" && unit !== "front";
  for (const section of root.querySelectorAll(":scope > section.print-page[id]")) {
    section.hidden = "printOmitted" in section.dataset || (unit !== "" && section.id !== unit);
  }
  // A part printed alone names the whole document's pages after it (print.css, the plugin's CSS).
  if (unit) document.documentElement.dataset.printUnit = unit;
  else delete document.documentElement.dataset.printUnit;
}

async function prepare() {
  const root = document.getElementById("print-site-page");
  if (!root) return;
  for (const d of root.querySelectorAll("details")) d.open = true;
  const data = JSON.parse(document.getElementById("print-edition").textContent);
  document.addEventListener("print:edition", (event) => select(root, data, event.detail));
  document.addEventListener("print:unit", (event) => show(root, event.detail));
  select(root, data, "");
  await document.fonts.ready;
  fitWide(root);
  document.documentElement.dataset.printReady = "true";
}

// After `load`: the plugin fills its own table of contents on DOMContentLoaded; this one replaces it.
if (typeof window !== "undefined" && typeof document !== "undefined") {
  if (document.readyState === "complete") prepare();
  else window.addEventListener("load", prepare);
}
