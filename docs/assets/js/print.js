// The print page (print/, made by mkdocs-print-site-plugin) made ready for paper: every 原始回答
// opened, a table of contents down to each question, formulas that are too wide scaled to the
// page. When everything is done and typeset, <html data-print-ready> tells src/llm_interview/editions/pdf to print.
// The same page prints every PDF: window.printEdition.select(slug) picks the edition (the full
// one, or a topic's: its cover, its part, its contents), and show(unit) leaves one unit of it on
// the page, its front (cover and contents) or one part, for src/llm_interview/editions/pdf to
// print unit by unit and put together.

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
    if (!title || !part.id || "printOmitted" in part.dataset) continue;
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
  return { toc, parts }; // the contents become the PDF's bookmarks
}

/** Leave one unit of the edition on the page: "front" (cover and contents), a part's id, or ""
 * for all of it. */
function show(root, unit) {
  // A part printed alone names the whole document's pages after it (print.css, the plugin's CSS).
  if (unit) document.documentElement.dataset.printUnit = unit;
  else delete document.documentElement.dataset.printUnit;
  const front = [root.querySelector(":scope > #print-site-cover-page"), root.querySelector(":scope > section.print-page:not([id])")];
  for (const el of front) if (el) el.hidden = unit !== "" && unit !== "front";
  for (const section of root.querySelectorAll(":scope > section.print-page[id]")) {
    section.hidden = "printOmitted" in section.dataset || (unit !== "" && section.id !== unit);
  }
}

async function prepare() {
  const root = document.getElementById("print-site-page");
  if (!root) return;
  for (const d of root.querySelectorAll("details")) d.open = true;
  const data = JSON.parse(document.getElementById("print-edition").textContent);
  window.printEdition = { select: (slug) => select(root, data, slug), show: (unit) => show(root, unit) };
  select(root, data, "");
  window.typesetMath?.(root); // all at once: slices would lay the whole page out again each time
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
