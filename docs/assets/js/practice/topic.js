// Topic pages: per entry a 待复习 / 已掌握 control and its state beside the title; above the first
// entry, the topic's progress, a filter that hides mastered entries and a link to practise the topic.
// The build writes these controls into the page (src/llm_interview/practice/marks.py), so they paint
// with it; this script wires them and shows the reader's own state.
import { h, progressBar } from "./dom.js";
import { isDue, markForReview, markMastered, status, tally } from "./schedule.js";
import { read, update } from "./store.js";

/** The topic the build wrote into the page (`<meta name="llm-interview:topic">`, on a topic's
 * pages only; src/llm_interview/site/facts.py), or "". */
export function pageTopic(doc) {
  return doc.querySelector('meta[name="llm-interview:topic"]')?.getAttribute("content") ?? "";
}

/** The 练习 page's URL: its address from the site's root, as the build wrote it into every page
 * (`<meta name="llm-interview:practice">`: `practice/`, or `practice.html` in the offline copy),
 * resolved against `root`; `query` is appended. */
export function practicePage(doc, root, query = "") {
  const path = doc.querySelector('meta[name="llm-interview:practice"]').getAttribute("content");
  return new URL(path + query, root).href;
}

/** The entries of a topic page: each question (`h2.qa-question`) the build gave practice controls,
 * with its elements up to the next heading (its controls among them). */
export function pageEntries(article) {
  const entries = [];
  for (const group of article.querySelectorAll(":scope > h2.qa-question[id] + .practice-mark")) {
    const heading = group.previousElementSibling;
    const parts = [heading];
    for (let el = group; el && el.tagName !== "H2"; el = el.nextElementSibling) parts.push(el);
    entries.push({ id: heading.id, heading, group, parts });
  }
  return entries;
}

const BADGE = { mastered: "已掌握", due: "待复习", learning: "学习中" };

/** Wire the page's controls; returns { refresh } or null when the page has none. */
export function mountTopic(article, app) {
  const toolbar = article.querySelector(":scope > .practice-toolbar");
  const entries = pageEntries(article);
  if (!toolbar || entries.length === 0) return null;
  const progress = toolbar.querySelector(".practice-progress");
  const filter = toolbar.querySelector(".practice-filter");
  const hiddenNote = toolbar.querySelector(".practice-hidden-note");
  const notice = toolbar.querySelector(".practice-toolbar__notice");
  const dueLink = toolbar.querySelector(".practice-toolbar__due");

  const controls = entries.map((entry) => {
    const [review, mastered] = entry.group.querySelectorAll("button");
    review.addEventListener("click", () => change(entry.id, markForReview));
    mastered.addEventListener("click", () => change(entry.id, markMastered));
    return { entry, badge: entry.heading.querySelector(".practice-state"), review, mastered };
  });

  filter.addEventListener("change", () => {
    const result = update(app.storage, (s) => ({ ...s, prefs: { ...s.prefs, hideMastered: filter.checked } }));
    if (result.corrupt) filter.checked = false;
    refresh();
  });

  function change(id, mark) {
    update(app.storage, (s) => ({ ...s, entries: { ...s.entries, [id]: mark(s.entries[id], app.today(), app.now()) } }));
    refresh();
  }

  function refresh() {
    const stored = read(app.storage);
    const corrupt = Boolean(stored.corrupt);
    const records = corrupt ? {} : stored.state.entries;
    const hide = !corrupt && stored.state.prefs.hideMastered;
    const today = app.today();
    const target = decodeURIComponent(location.hash.slice(1));
    notice.hidden = !corrupt;
    notice.replaceChildren(corrupt ? h("span", {}, "本机保存的练习进度读不出来，标记暂时不能用。", h("a", { href: practicePage(document, app.root) }, "去练习页查看原因并处理"), "。") : "");
    progress.replaceChildren(
      progressBar(
        tally(
          entries.map((e) => e.id),
          records,
        ),
      ),
    );
    const dueCount = entries.filter((e) => isDue(records[e.id], today)).length;
    dueLink.textContent = `只练待复习（${dueCount}）`;
    filter.checked = hide;
    filter.disabled = corrupt;
    let hidden = 0;
    for (const c of controls) {
      const record = records[c.entry.id];
      const state = status(record);
      const shown = state === "learning" && isDue(record, today) ? "due" : state;
      c.badge.hidden = state === "new";
      c.badge.textContent = BADGE[shown] || "";
      c.badge.className = `practice-state practice-state--${shown}`;
      c.review.setAttribute("aria-pressed", String(state === "learning"));
      c.mastered.setAttribute("aria-pressed", String(state === "mastered"));
      c.review.disabled = c.mastered.disabled = corrupt;
      const conceal = hide && state === "mastered" && c.entry.id !== target;
      for (const el of c.entry.parts) el.classList.toggle("practice-concealed", conceal);
      hidden += conceal ? 1 : 0;
    }
    hiddenNote.textContent = hide ? `（已隐藏 ${hidden} 题）` : "";
  }

  refresh();
  return { refresh };
}

/** The home page's topic cards: fill each `.practice-progress[data-ids]` with its topic's bar. */
export function mountHome(article, app) {
  const slots = [...article.querySelectorAll(".practice-progress[data-ids]")];
  if (slots.length === 0) return null;
  function refresh() {
    const stored = read(app.storage);
    for (const slot of slots) {
      if (stored.corrupt) {
        slot.replaceChildren(h("a", { href: practicePage(document, app.root) }, "练习进度读不出来，去练习页处理"));
      } else {
        slot.replaceChildren(progressBar(tally(slot.dataset.ids.split(" "), stored.state.entries)));
      }
    }
  }
  refresh();
  return { refresh };
}
