// 手撕代码 progress: one record per drill in the practice store's `drills` (practice/store.js
// validates and merges them). Pure functions of the stored state; the callers read and write it.

/** The record of a drill nobody has touched. */
export function emptyDrill() {
  return { passed: false, passedAt: null, draft: null, saved: 0 };
}

/** The stored record of drill `id` (a fresh one when there is none). */
export function drillRecord(state, id) {
  return state.drills?.[id] ?? emptyDrill();
}

const withDrill = (state, id, record) => ({ ...state, drills: { ...(state.drills ?? {}), [id]: record } });

/** `state` with the reader's code for drill `id` saved at `now`; code equal to the skeleton is
 * stored as null (so a later, corrected skeleton reaches readers who never changed it). */
export function saveDraft(state, id, code, skeleton, now) {
  const draft = code === skeleton ? null : code;
  return withDrill(state, id, { ...drillRecord(state, id), draft, saved: now });
}

/** `state` with drill `id` passed at `now` (the first passing time is kept). */
export function markPassed(state, id, now) {
  const record = drillRecord(state, id);
  return withDrill(state, id, { ...record, passed: true, passedAt: record.passed && record.passedAt !== null ? record.passedAt : now, saved: now });
}

/** The code to show for drill `id`: the saved draft, else the skeleton. */
export function codeFor(state, id, skeleton) {
  return drillRecord(state, id).draft ?? skeleton;
}

/** The ids of the passed drills. */
export function passedIds(state) {
  return new Set(
    Object.entries(state.drills ?? {})
      .filter(([, record]) => record.passed)
      .map(([id]) => id),
  );
}
