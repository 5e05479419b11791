// Ranks the site's questions for a query. Each document is one question (title, keywords,
// answer, 原始回答) as written by src/llm_interview/search/. Chinese matches by substring: a query segment is cut
// into the words the keyword lines know, and what is left into character pairs that count less, Latin by whole words, with a prefix
// while typing and edit distance 1–2 for misspelt words of five letters or more.

import { fold, latinWords, parseQuery } from "./query.js";

/** How much a match counts in each field. */
export const FIELDS = { title: 5, keywords: 3, text: 1, original: 0.5 };
const K1 = 1.2;
const B = 0.3;
const PREFIX_WEIGHT = 0.8;
const TYPO_WEIGHT = 0.7;
const MAX_EXPANSIONS = 3;
const BIGRAM_WEIGHT = 0.4; // a pair of characters from no known word: weak evidence
const TITLE_BONUS = 0.5; // up to ×1.5 when the question itself names what was typed
const HAN_RUN = /\p{Script=Han}{2,}/gu;

/** Documents ready for ranking: folded fields, Latin word counts and the vocabulary. */
export function prepare(docs) {
  const prepared = docs.map(prepareDoc);
  return { docs: prepared, vocabulary: vocabularyOf(prepared), words: knownWords(docs), average: averageOf(prepared) };
}

/** One document ready for ranking; `seen`: the Latin words of its fields, for the vocabulary. */
function prepareDoc(doc) {
  const keywords = Array.isArray(doc.keywords) ? doc.keywords.join(" · ") : doc.keywords || "";
  const fields = {};
  const seen = new Set();
  let length = 0;
  for (const name of Object.keys(FIELDS)) {
    const raw = name === "keywords" ? keywords : doc[name] || "";
    const folded = fold(raw);
    const words = new Map();
    for (const word of latinWords(folded, true)) {
      words.set(word, (words.get(word) || 0) + 1);
      seen.add(word);
    }
    fields[name] = { raw, folded, words };
    length += folded.length * FIELDS[name];
  }
  return { doc, fields, length, boost: doc.boost ?? 1, seen };
}

/** Latin word -> number of documents containing it, in the order the documents first use them. */
function vocabularyOf(prepared) {
  const vocabulary = new Map();
  for (const { seen } of prepared) for (const word of seen) vocabulary.set(word, (vocabulary.get(word) || 0) + 1);
  return vocabulary;
}

function averageOf(prepared) {
  return prepared.reduce((sum, d) => sum + d.length, 0) / (prepared.length || 1);
}

/**
 * The index with the documents from `start` on replaced by `docs` (the same documents, their
 * answer texts arrived), counts kept current; `complete` then orders the vocabulary as
 * `prepare` would, so the final index ranks exactly as one prepared from every text at once.
 */
export function update(index, start, docs) {
  const { vocabulary } = index;
  docs.forEach((doc, i) => {
    for (const word of index.docs[start + i].seen) {
      const count = vocabulary.get(word) - 1;
      if (count) vocabulary.set(word, count);
      else vocabulary.delete(word);
    }
    const entry = prepareDoc(doc);
    for (const word of entry.seen) vocabulary.set(word, (vocabulary.get(word) || 0) + 1);
    index.docs[start + i] = entry;
  });
  index.average = averageOf(index.docs);
}

/** Once every text has arrived: the vocabulary in the order `prepare` gives it (ties rank by it). */
export function complete(index) {
  index.vocabulary = vocabularyOf(index.docs);
}

/** Chinese words the index knows: every beginning (two or more characters) of a keyword. */
function knownWords(docs) {
  const words = new Set();
  for (const doc of docs) for (const keyword of doc.keywords || []) for (const [run] of fold(keyword).matchAll(HAN_RUN)) for (let end = 2; end <= run.length; end++) words.add(run.slice(0, end));
  return words;
}

/**
 * A Chinese segment cut into the longest known words, left to right; the stretches between
 * them (two or more characters) come back as `rest`, to be matched by character pairs.
 */
export function cutSegment(segment, words) {
  const known = [];
  const rest = [];
  let loose = "";
  for (let i = 0; i < segment.length; ) {
    let end = segment.length;
    while (end - i >= 2 && !words.has(segment.slice(i, end))) end--;
    if (end - i >= 2) {
      known.push(segment.slice(i, end));
      if (loose.length >= 2) rest.push(loose);
      loose = "";
      i = end;
    } else {
      loose += segment[i++];
    }
  }
  if (loose.length >= 2) rest.push(loose);
  return { known, rest };
}

/** Optimal string alignment distance (a swap of neighbours counts once), or limit + 1. */
export function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1);
      best = Math.min(best, row[j]);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

/** Typos tolerated in a word: none under five letters, one up to seven, two from eight. */
export function typoLimit(word) {
  if (word.length < 5 || /\d/.test(word)) return 0;
  return word.length < 8 ? 1 : 2;
}

/**
 * The index words a typed Latin word stands for, with a weight: itself when the index has it;
 * else the words it begins (the reader is still typing); else the nearest words within the
 * typo limit. At most a few expansions, the most common first, so a typo does not flood.
 */
export function expand(word, vocabulary) {
  if (vocabulary.has(word)) return [[word, 1]];
  const byUse = (a, b) => vocabulary.get(b) - vocabulary.get(a);
  if (word.length >= 3) {
    const longer = [...vocabulary.keys()].filter((w) => w.startsWith(word)).sort(byUse);
    if (longer.length) return longer.slice(0, MAX_EXPANSIONS).map((w) => [w, PREFIX_WEIGHT]);
  }
  const limit = typoLimit(word);
  if (!limit) return [];
  let nearest = [];
  let distance = limit + 1;
  for (const candidate of vocabulary.keys()) {
    if (!/^[a-z]/.test(candidate)) continue;
    const d = editDistance(word, candidate, Math.min(limit, distance));
    if (d < distance) [nearest, distance] = [[candidate], d];
    else if (d === distance && d <= limit) nearest.push(candidate);
  }
  return nearest
    .sort(byUse)
    .slice(0, MAX_EXPANSIONS)
    .map((w) => [w, TYPO_WEIGHT]);
}

/** Occurrences of `needle` in `text`. */
function occurrences(text, needle) {
  let count = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) count++;
  return count;
}

/** The query as weighted terms: each counts `tf` per field of a document. */
function terms(query, index) {
  const { latin, han } = parseQuery(query);
  const result = [];
  for (const word of latin) {
    const variants = expand(word, index.vocabulary);
    result.push({
      label: word,
      latin: true,
      weight: 1,
      variants,
      count: (field) => variants.reduce((sum, [w, weight]) => sum + weight * (field.words.get(w) || 0), 0),
    });
  }
  for (const segment of han) {
    const { known, rest } = cutSegment(segment, index.words);
    for (const word of known) result.push({ label: word, weight: 1, count: (field) => occurrences(field.folded, word) });
    const grams = new Set();
    for (const piece of rest) for (let i = 0; i + 2 <= piece.length; i++) grams.add(piece.slice(i, i + 2));
    for (const gram of grams)
      result.push({
        label: gram,
        weight: BIGRAM_WEIGHT,
        count: (field) => occurrences(field.folded, gram),
      });
  }
  return result;
}

/**
 * Documents matching `query`, best first: `{ entry, score, matched, missing }`, where `matched`
 * are the strings to mark and `missing` the typed Latin words a document lacks.
 */
export function rank(index, query) {
  const list = terms(query, index);
  if (!list.length) return [];
  const n = index.docs.length;
  const tfs = list.map((term) => index.docs.map((entry) => Object.entries(FIELDS).reduce((sum, [name, w]) => sum + w * term.count(entry.fields[name]), 0)));
  const weights = tfs
    .map((column) => {
      const df = column.filter((tf) => tf > 0).length;
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    })
    .map((idf, t) => idf * list[t].weight);
  const total = weights.reduce((a, b) => a + b, 0);
  const results = [];
  index.docs.forEach((entry, d) => {
    let score = 0;
    let covered = 0;
    let inTitle = 0;
    const matched = new Set();
    const missing = [];
    const norm = 1 - B + (B * entry.length) / index.average;
    list.forEach((term, t) => {
      const tf = tfs[t][d];
      if (tf > 0) {
        score += (weights[t] * tf * (K1 + 1)) / (tf + K1 * norm);
        covered += weights[t];
        if (term.count(entry.fields.title) > 0) inTitle += weights[t];
        if (term.latin) for (const [w] of term.variants) matched.add(w);
        else matched.add(term.label);
      } else if (term.latin) missing.push(term.label);
    });
    if (!score) return;
    const coverage = total ? covered / total : 1;
    const title = 1 + TITLE_BONUS * (total ? inTitle / total : 0);
    results.push({ entry, score: score * coverage * coverage * title * entry.boost, matched, missing });
  });
  return results.sort((a, b) => b.score - a.score);
}

/** Material's search suggestion: the most common index word the last typed Latin word begins. */
export function suggestion(index, query) {
  const last = fold(query).match(/[a-z][a-z0-9]*$/);
  if (!last || last[0].length < 2) return [];
  let best = "";
  for (const [word, df] of index.vocabulary) if (word.length > last[0].length && word.startsWith(last[0]) && /^[a-z0-9]+$/.test(word)) if (!best || df > index.vocabulary.get(best)) best = word;
  return best ? [best] : [];
}
