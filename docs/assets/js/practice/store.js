// The reader's progress: one versioned localStorage value, the same shape as an exported file.
//   { app: APP, version: 1, entries: { <entry id>: record (see schedule.js) }, prefs: { hideMastered },
//     drills: { <drill id>: { passed, passedAt, draft, saved } } }
// `drills` (the 手撕代码 pages, see drills/progress.js) came later and is optional: a document
// without it is still version 1 and reads as having no drill records.
// Reading never throws and never writes: corrupt or foreign data is reported (in Chinese) and left
// in place until the reader chooses to reset, so no progress is lost without their say.
// Records of ids the site no longer has are kept as they are; the views only look up known ids.

export const KEY = "llm-interview-zh:practice:v1";
export const APP = "llm-interview-zh/practice";
export const VERSION = 1;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class ProgressError extends Error {}

export function emptyState() {
  return { app: APP, version: VERSION, entries: {}, prefs: { hideMastered: false }, drills: {} };
}

const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v) => Number.isInteger(v) && v >= 0;
const shown = (v) => (v === undefined ? "缺失" : JSON.stringify(v));

function validDay(v) {
  if (typeof v !== "string" || !DAY.test(v)) return false;
  return new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
}

const FIELDS = [
  ["box", (v) => Number.isInteger(v) && v >= 1 && v <= 5, "介于 1 和 5 之间的整数"],
  ["due", validDay, "形如 2026-12-01 的日期"],
  ["last", isCount, "非负整数（毫秒时间戳）"],
  ["grade", (v) => v === null || v === 1 || v === 2 || v === 3, "取值 1、2、3 或 null"],
  ["reviews", isCount, "非负整数"],
  ["lapses", isCount, "非负整数"],
];

/** A checked copy of one record (unknown fields dropped); throws ProgressError naming the field. */
function checkRecord(id, record) {
  if (!isObject(record)) throw new ProgressError(`entries["${id}"] 应为对象，实际是 ${shown(record)}`);
  const clean = {};
  for (const [name, ok, expected] of FIELDS) {
    if (!ok(record[name])) {
      throw new ProgressError(`entries["${id}"].${name} 应为${expected}，实际是 ${shown(record[name])}`);
    }
    clean[name] = record[name];
  }
  return clean;
}

// One drill's record: passed once a run passed every case (it stays passed), passedAt when it
// first did, the reader's code as last typed (null: the skeleton) and when the record last changed.
const DRILL_FIELDS = [
  ["passed", (v) => v === true || v === false, " true 或 false"],
  ["passedAt", (v) => v === null || isCount(v), "非负整数（毫秒时间戳）或 null"],
  ["draft", (v) => v === null || typeof v === "string", "字符串或 null"],
  ["saved", isCount, "非负整数（毫秒时间戳）"],
];

/** A checked copy of one drill record (unknown fields dropped); throws ProgressError naming the field. */
function checkDrill(id, record) {
  if (!isObject(record)) throw new ProgressError(`drills["${id}"] 应为对象，实际是 ${shown(record)}`);
  const clean = {};
  for (const [name, ok, expected] of DRILL_FIELDS) {
    if (!ok(record[name])) {
      throw new ProgressError(`drills["${id}"].${name} 应为${expected}，实际是 ${shown(record[name])}`);
    }
    clean[name] = record[name];
  }
  return clean;
}

/** A checked copy of a parsed progress document; throws ProgressError with a Chinese reason. */
export function validate(doc) {
  if (!isObject(doc)) throw new ProgressError("内容不是一个 JSON 对象");
  if (doc.app !== APP) {
    throw new ProgressError(`app 应为 "${APP}"，实际是 ${shown(doc.app)}：这不是本站的练习进度`);
  }
  if (doc.version !== VERSION) {
    throw new ProgressError(`version 应为 ${VERSION}，实际是 ${shown(doc.version)}：可能来自更新或更旧版本的站点`);
  }
  if (!isObject(doc.entries)) throw new ProgressError(`entries 应为对象，实际是 ${shown(doc.entries)}`);
  const entries = {};
  for (const [id, record] of Object.entries(doc.entries)) entries[id] = checkRecord(id, record);
  const prefs = isObject(doc.prefs) ? doc.prefs : {};
  if (doc.drills !== undefined && !isObject(doc.drills)) throw new ProgressError(`drills 应为对象，实际是 ${shown(doc.drills)}`);
  const drills = {};
  for (const [id, record] of Object.entries(doc.drills ?? {})) drills[id] = checkDrill(id, record);
  return { ...emptyState(), entries, prefs: { hideMastered: prefs.hideMastered === true }, drills };
}

/** Parse and validate JSON text; throws ProgressError. */
export function parse(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ProgressError(`不是合法的 JSON（${err.message}）`);
  }
  return validate(doc);
}

/** Two records of one drill as one: the more recently saved record's draft (a tie keeps `mine`);
 * passed when either side passed (passing is never undone), since the earlier of their passing
 * times (null when neither side knows it). */
export function mergeDrill(mine, theirs) {
  const newer = theirs.saved > mine.saved ? theirs : mine;
  const times = [mine, theirs].filter((r) => r.passed && r.passedAt !== null).map((r) => r.passedAt);
  return { ...newer, passed: mine.passed || theirs.passed, passedAt: times.length ? Math.min(...times) : null };
}

/** `current` with `incoming`'s records merged in: per entry, the more recently graded record wins
 * (a tie keeps the current one); per drill, see mergeDrill; records only one side has are kept;
 * preferences stay current. */
export function merge(current, incoming) {
  const entries = { ...current.entries };
  for (const [id, record] of Object.entries(incoming.entries)) {
    if (!entries[id] || record.last > entries[id].last) entries[id] = record;
  }
  const drills = { ...(current.drills ?? {}) };
  for (const [id, record] of Object.entries(incoming.drills ?? {})) {
    drills[id] = drills[id] ? mergeDrill(drills[id], record) : record;
  }
  return { ...current, entries, drills };
}

export function serialize(state) {
  return JSON.stringify(state);
}

/** The stored state: { state } when readable (empty when nothing is stored), else { corrupt, raw }
 * with the reason in Chinese and the stored text as it is. */
export function read(storage) {
  let raw;
  try {
    raw = storage.getItem(KEY);
  } catch (err) {
    return { corrupt: `浏览器不允许读取本地存储（${err.message}）`, raw: null };
  }
  if (raw === null) return { state: emptyState() };
  try {
    return { state: parse(raw) };
  } catch (err) {
    if (err instanceof ProgressError) return { corrupt: err.message, raw };
    throw err;
  }
}

/** Store `state`; returns an error message when the browser refuses (full or disabled storage). */
export function write(storage, state) {
  try {
    storage.setItem(KEY, serialize(state));
    return null;
  } catch (err) {
    return `进度没有保存：浏览器拒绝写入本地存储（${err.message}）`;
  }
}

/** Apply `change` (state → state) to the stored state. Refuses when the stored value is unreadable
 * ({ corrupt, raw }); when the browser will not store it, { state: unchanged, failed: message }. */
export function update(storage, change) {
  const current = read(storage);
  if (current.corrupt) return current;
  const state = change(current.state);
  const failed = write(storage, state);
  return failed ? { state: current.state, failed } : { state };
}
