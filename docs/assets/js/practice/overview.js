// A topic overview (src/llm_interview/editorial/overview.py): a level filter above its question list. The
// build writes each question's level as a `.qa-level[data-level]` label and the topic as the
// list's `data-topic`; the filter shows one level (or all), keeps it in the address (`?level=`),
// and links to practising the topic at that level.
import { h } from "./dom.js";
import { counts, keeps, LEVELS, levelsFromQuery } from "./levels.js";
import { practicePage } from "./topic.js";

/** Mount the filter on an overview (other pages have no `.qa-overview` and are left alone). */
export function mountOverview(article, app) {
  const list = article.querySelector(".qa-overview[data-topic]");
  if (!list) return;
  const items = [...list.querySelectorAll("li")].map((li) => ({ li, level: li.querySelector(".qa-level")?.dataset.level ?? "" }));
  const perLevel = counts(items.map((i) => i.level));
  const [initial = ""] = levelsFromQuery(location.search);
  const practice = h("a", { class: "md-button practice-toolbar__level" });
  const status = h("span", { class: "qa-level-filter__status", "aria-live": "polite" });
  const choices = ["", ...LEVELS].map((level) => {
    const input = h("input", { type: "radio", name: "qa-level-filter", value: level, checked: level === initial, onchange: () => show(level) });
    const name = level ? h("span", { class: "qa-level", dataset: { level } }, level) : "全部";
    return h("label", { class: "qa-level-filter__choice" }, input, name, ` ${level ? perLevel[level] : perLevel.all}`);
  });
  list.before(h("fieldset", { class: "qa-level-filter" }, h("legend", {}, "按级别筛选"), ...choices, practice, status));

  function show(level) {
    const chosen = level ? [level] : [];
    for (const { li, level: own } of items) li.hidden = !keeps(own, chosen);
    for (const ul of list.querySelectorAll("ul")) ul.hidden = ![...ul.children].some((li) => !li.hidden);
    const query = level ? `&level=${encodeURIComponent(level)}` : "";
    practice.href = practicePage(document, app.root, `?topics=${list.dataset.topic}${query}`);
    practice.textContent = level ? `练习本主题的${level}题` : "练习本主题";
    status.textContent = level ? `显示 ${perLevel[level]} / ${perLevel.all} 题` : "";
    const url = new URL(location.href);
    if (level) url.searchParams.set("level", level);
    else url.searchParams.delete("level");
    history.replaceState(history.state, "", url);
  }
  show(initial);
}
