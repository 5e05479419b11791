// The print page (print/, made by mkdocs-print-site-plugin) made ready for paper: every 原始回答
// opened, a table of contents down to each question, formulas that are too wide scaled to the
// page. When everything is done and the fonts have loaded, <html data-print-ready> tells src/llm_interview/editions/pdf to print,
// and <html data-print-outline> holds the table of contents as JSON, which it turns into the PDF's bookmarks.
// The same page prints each topic's PDF too: a `print:edition` event on the document (detail: the
// topic's slug, "" for the full edition) shows that topic's cover and part only, sends links to
// what is not printed to the site, and sets <html data-print-edition> once the outline is current.

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

/** The site address for `#id` on the print page, whose parts are keyed by their page (`#<page
 * key>-<anchor>`, as mkdocs-print-site-plugin writes them); `keys` longest first. Null when no
 * page of the site has that key. */
export function onlineHref(id, keys, pages, site) {
  const key = keys.find((k) => id === k || id.startsWith(`${k}-`));
  if (key === undefined) return null;
  const anchor = id.slice(key.length + 1);
  return `${site}${pages[key]}${anchor ? `#${anchor}` : ""}`;
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
    if (!title || !part.id || part.hidden) continue;
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

/** The element id a link on the page at `here` points to (`#id`, or the page's own address with
 * `#id`: Material makes every link absolute), or null for a link elsewhere. */
export function fragmentOf(href, here) {
  const url = new URL(href, here);
  if (url.hash.length < 2 || url.href.slice(0, -url.hash.length) !== here.split("#")[0]) return null;
  return decodeURIComponent(url.hash.slice(1));
}

/** Links to an element that is not printed (a page left out, a part hidden) go to the site. */
function linkOnline(root, data) {
  const keys = Object.keys(data.pages).sort((a, b) => b.length - a.length);
  for (const link of root.querySelectorAll("a[href]")) {
    const href = link.dataset.printHref ?? link.getAttribute("href");
    const id = fragmentOf(href, location.href);
    if (id === null) continue;
    link.dataset.printHref = href;
    const target = document.getElementById(id);
    const online = target && !target.closest("[hidden]") ? null : onlineHref(id, keys, data.pages, data.site);
    link.setAttribute("href", online ?? href);
  }
}

/** Show the full edition (slug "") or one topic only: its cover, its part, its contents. */
function select(root, data, slug) {
  const part = slug ? data.topics[slug] : "";
  if (part === undefined) throw new Error(`print.js: no part for topic ${slug}`);
  for (const cover of root.querySelectorAll(".edition-cover")) cover.hidden = cover.dataset.topic !== slug;
  for (const section of root.querySelectorAll(":scope > section.print-page[id]")) section.hidden = Boolean(part) && section.id !== part;
  linkOnline(root, data);
  const toc = tocTree(printedHeadings(root));
  document.documentElement.dataset.printOutline = JSON.stringify(toc);
  const nav = document.querySelector("#print-page-toc nav");
  if (nav) {
    nav.querySelector("ul")?.remove();
    nav.append(renderToc(toc, document));
  }
  document.documentElement.dataset.printEdition = slug;
}

async function prepare() {
  const root = document.getElementById("print-site-page");
  if (!root) return;
  for (const d of root.querySelectorAll("details")) d.open = true;
  const data = JSON.parse(document.getElementById("print-edition").textContent);
  document.addEventListener("print:edition", (event) => select(root, data, event.detail));
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
