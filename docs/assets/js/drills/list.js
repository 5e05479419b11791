// The 手撕代码 section page: each passed drill in `.drill-list` gets a visible 「✓ 已通过」 badge
// (text, not colour alone), and the list a line saying how many have passed.

/** The line above the list: 「已通过 2 / 7 题」. */
export function listSummary(ids, passed) {
  const done = ids.filter((id) => passed.has(id)).length;
  return `手撕代码进度：已通过 ${done} / ${ids.length} 题`;
}

/** Mark `list` (a `.drill-list`) from the set of passed drill ids; safe to call again. */
export function markList(list, passed) {
  const items = [...list.querySelectorAll("li[data-drill-id]")];
  for (const li of items) {
    const done = passed.has(li.dataset.drillId);
    li.classList.toggle("drill-list__item--passed", done);
    let badge = li.querySelector(":scope > .drill-passed");
    if (done && !badge) {
      badge = document.createElement("span");
      badge.className = "drill-passed";
      const icon = document.createElement("span");
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = "✓ ";
      badge.append(icon, "已通过");
      li.append(" ", badge);
    } else if (!done && badge) {
      badge.remove();
    }
  }
  let summary = list.previousElementSibling;
  if (!summary?.classList.contains("drill-list__summary")) {
    summary = document.createElement("p");
    summary.className = "drill-list__summary";
    list.before(summary);
  }
  summary.textContent = listSummary(
    items.map((li) => li.dataset.drillId),
    passed,
  );
}
