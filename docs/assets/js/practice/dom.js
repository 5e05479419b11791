// Small DOM helpers shared by the practice views.

/** An element: h("button", { class: "x", onclick }, "text", child…). `null` children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? "" : value);
  }
  el.append(...children.filter((c) => c !== null && c !== undefined));
  return el;
}

export const LABELS = { mastered: "已掌握", learning: "学习中", new: "未练" };

/** A three-part bar (mastered / learning / new) with its counts spelled out beside it. */
export function progressBar(counts) {
  const parts = ["mastered", "learning", "new"];
  const text = parts.map((p) => `${LABELS[p]} ${counts[p]}`).join(" · ");
  const bar = h("span", { class: "practice-bar", role: "img", "aria-label": text });
  for (const part of parts) {
    const segment = h("span", { class: `practice-bar__${part}` });
    segment.style.flexGrow = String(counts[part]);
    bar.append(segment);
  }
  return h("span", { class: "practice-progress__inner" }, bar, h("span", { class: "practice-legend" }, text));
}

/** Offer `text` as a file download named `name`. */
export function download(name, text, type = "application/json") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** True when a key press belongs to a form field or a focused control, not to the drill. */
export function typingInto(target) {
  return Boolean(target.closest?.("input, textarea, select, [contenteditable]"));
}
