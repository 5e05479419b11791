// Which questions a drill asks, and in what order: pure, so the rules are unit-tested.
import { keeps, levelsFromQuery } from "./levels.js";
import { dueIds } from "./schedule.js";

// The practice page's modes; their labels are in the form the build writes (practice/setup.py).
const MODES = ["order", "random", "due"];

/** Fisher–Yates shuffle of a copy of `items`; `random` returns numbers in [0, 1). */
export function shuffled(items, random = Math.random) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The entries (bank order) in `topics` and of `levels` (all when a list is empty). */
export function chosenEntries(entries, { topics = [], levels = [] }) {
  return entries.filter((e) => (topics.length === 0 || topics.includes(e.topic)) && keeps(e.level, levels));
}

/** The ids of the chosen entries (chosenEntries), arranged for `mode`. */
export function queue(entries, { topics = [], levels = [], mode = "order" }, records, today, random) {
  const ids = chosenEntries(entries, { topics, levels }).map((e) => e.id);
  if (mode === "random") return shuffled(ids, random);
  if (mode === "due") return dueIds(ids, records, today);
  if (mode === "order") return ids;
  throw new RangeError(`unknown mode ${mode}`);
}

/** Topics, levels and mode from the practice page's address, e.g.
 * `?topics=rl,inference&level=基础&mode=due`. */
export function choiceFromQuery(search, knownTopics) {
  const params = new URLSearchParams(search);
  const topics = (params.get("topics") || "").split(",").filter((t) => knownTopics.includes(t));
  const mode = MODES.includes(params.get("mode")) ? params.get("mode") : "order";
  return { topics, levels: levelsFromQuery(search), mode };
}
