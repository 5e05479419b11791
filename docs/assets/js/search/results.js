// Ranked questions in the shape Material's search UI renders: groups of a page's sections, each
// group ending with the page itself (shown as a heading). Consecutive results of one page share a
// group, every section of a group gets the group's score, so nothing is folded under
// 「在该页上还有 N 个符合条件的结果」 and the list reads in rank order. A result shows its question
// and a snippet of the answer around the match (or of 原始回答 when only that matches).

const SNIPPET = 110; // characters of answer text shown under a question
const BEFORE = 24; // of them before the first match
const MIN_SHARE = 0.05; // results scoring under this share of the best one are left out
const MAX_RESULTS = 40;

/** `text` with <, > and & escaped. */
export function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A question's level (基础, 进阶, 前沿) as the label the pages show under its title. */
export function levelLabel(level) {
  const text = escapeHtml(level);
  return ` <span class="qa-level" data-level="${text}">${text}</span>`;
}

/** `text` as HTML with every occurrence of `words` (case-insensitive) in <mark>. */
export function mark(text, words) {
  const lower = text.toLowerCase();
  const marked = new Array(text.length).fill(false);
  for (const word of words) for (let i = lower.indexOf(word); i !== -1 && word; i = lower.indexOf(word, i + 1)) marked.fill(true, i, i + word.length);
  let html = "";
  for (let i = 0; i < text.length; ) {
    let j = i;
    while (j < text.length && marked[j] === marked[i]) j++;
    const piece = escapeHtml(text.slice(i, j));
    html += marked[i] ? `<mark>${piece}</mark>` : piece;
    i = j;
  }
  return html;
}

/** Longest words first, so a whole segment is preferred to one of its bigrams. */
function byLength(words) {
  return [...words].sort((a, b) => b.length - a.length);
}

/**
 * The part of the answer to show: around the first match of the longest matched word in the
 * answer, else in 原始回答 (labelled), else the answer's start. Lines become spaces.
 */
export function snippet(fields, matched) {
  const words = byLength(matched);
  for (const [name, label] of [
    ["text", ""],
    ["original", "原始回答："],
  ]) {
    const text = fields[name].raw.replace(/\n/g, " ");
    const lower = text.toLowerCase();
    for (const word of words) {
      const at = lower.indexOf(word);
      if (at === -1) continue;
      const start = Math.max(0, at - BEFORE);
      const piece = text.slice(start, start + SNIPPET);
      const html = (start > 0 ? "…" : "") + mark(piece, words);
      return `<p>${label}${html}${start + SNIPPET < text.length ? "…" : ""}</p>`;
    }
  }
  const text = fields.text.raw.replace(/\n/g, " ");
  return text ? `<p>${escapeHtml(text.slice(0, SNIPPET))}${text.length > SNIPPET ? "…" : ""}</p>` : "";
}

/** Material's `terms`: matched words true (they are highlighted on the page), missing false. */
function termsOf(result) {
  const terms = {};
  for (const word of result.matched) terms[word] = true;
  for (const word of result.missing) terms[word] = false;
  return terms;
}

/** The ranked results the list shows: the best few, none far below the best one. */
export function shownResults(ranked) {
  const best = ranked.length ? ranked[0].score : 0;
  return ranked.filter((r) => r.score >= best * MIN_SHARE).slice(0, MAX_RESULTS);
}

/** The result message data (`{ items }`) Material's search UI renders. */
export function materialResult(ranked, pages) {
  const items = [];
  let group = null;
  for (const result of shownResults(ranked)) {
    const { doc, fields } = result.entry;
    const [page, anchor] = doc.location.split("#");
    const item = {
      location: doc.location,
      title: mark(doc.title, byLength(result.matched)) + (doc.level ? levelLabel(doc.level) : ""),
      text: snippet(fields, result.matched),
      score: result.score,
      terms: termsOf(result),
    };
    if (anchor === undefined) {
      items.push([item]);
      group = null;
      continue;
    }
    if (!group || group.page !== page) {
      const heading = pages.get(page) || { location: page, title: page, text: "" };
      group = { page, items: [{ ...heading, text: "", score: 0, terms: {} }] };
      items.push(group.items);
    }
    item.score = group.items[0].score || result.score;
    group.items.splice(group.items.length - 1, 0, item);
  }
  return { items };
}
