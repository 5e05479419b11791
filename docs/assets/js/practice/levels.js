// Question levels (基础, 进阶, 前沿; src/llm_interview/editorial/levels.py writes them into the pages and the
// bank): which questions a level choice keeps, and the choice read from an address. Pure.

export const LEVELS = ["基础", "进阶", "前沿"];

/** Whether a question of `level` is kept when the reader chose `chosen` (none chosen: all). */
export function keeps(level, chosen) {
  return chosen.length === 0 || chosen.includes(level);
}

/** How many of `levels` (one per question) there are of each level, and in all. */
export function counts(levels) {
  const out = { all: levels.length };
  for (const level of LEVELS) out[level] = levels.filter((l) => l === level).length;
  return out;
}

/** The levels named in an address's `level` parameter (`?level=基础,进阶`); unknown ones dropped. */
export function levelsFromQuery(search) {
  const named = (new URLSearchParams(search).get("level") || "").split(",");
  return LEVELS.filter((level) => named.includes(level));
}
