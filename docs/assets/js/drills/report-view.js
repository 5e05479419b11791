// Draws the view model of report.js into the workbench's report area.
import { h } from "../practice/dom.js";

const MARK = { passed: "✓", failed: "✗", error: "✗" };

/** A mark that screen readers skip (the text beside it says the same). */
const icon = (text) => h("span", { class: "drill-icon", "aria-hidden": "true" }, text);

function caseItem(c) {
  const item = h(
    "li",
    { class: `drill-case drill-case--${c.ok ? "ok" : "fail"}` },
    h("span", { class: "drill-case__state" }, icon(c.ok ? "✓" : "✗"), c.ok ? "通过" : "未通过"),
    " ",
    h("code", { class: "drill-case__name", title: c.name }, c.label),
  );
  if (c.ok) return item;
  item.append(h("p", { class: "drill-case__message" }, c.message));
  if (c.expected !== null || c.actual !== null) {
    item.append(h("dl", { class: "drill-case__values" }, h("dt", {}, "期望"), h("dd", {}, h("code", {}, c.expected ?? "—")), h("dt", {}, "实际"), h("dd", {}, h("code", {}, c.actual ?? "—"))));
  }
  return item;
}

/** Replace `area`'s content with the report `view` (and what print wrote, folded). */
export function renderReport(area, view, output = "") {
  area.className = `drill-report drill-report--${view.state}`;
  const parts = [h("p", { class: "drill-report__summary" }, icon(MARK[view.state]), view.summary)];
  if (view.cases.length) parts.push(h("ol", { class: "drill-cases" }, ...view.cases.map(caseItem)));
  if (output) parts.push(h("details", { class: "drill-output" }, h("summary", {}, "print 输出"), h("pre", {}, output)));
  area.replaceChildren(...parts);
  area.hidden = false;
}

/** A one-line notice in the report area (timeout, a runtime that did not load). */
export function renderNotice(area, message) {
  area.className = "drill-report drill-report--error";
  area.replaceChildren(h("p", { class: "drill-report__summary" }, icon("✗"), message));
  area.hidden = false;
}
