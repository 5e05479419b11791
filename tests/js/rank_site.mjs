// Ranks queries over a built site's search records with the search worker's own modules, and
// prints what a reader sees for each: the visible results (`page/#anchor`), in order, as JSON.
// Used by tests/test_search.py, so recall over hundreds of queries needs no browser:
//   node tests/js/rank_site.mjs SITE_DIR < queries.json   (a JSON list of query strings)
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { prepare, rank } from "../../docs/assets/js/search/engine.js";
import { materialResult } from "../../docs/assets/js/search/results.js";
import { shardsOf } from "../../docs/assets/js/search/shards.js";

const WORKER = "assets/js/search"; // the stub's paths are relative to the worker

/** Every record of the site, heads and bodies joined, as the worker holds them once loaded. */
function records(site) {
  const read = (path) => JSON.parse(readFileSync(join(site, path), "utf8"));
  const stub = read("search/search_index.json");
  const { records } = stub.config;
  if (!records) return stub.docs;
  const all = (part) => shardsOf(part).flatMap((shard) => read(join(WORKER, shard.url)));
  const texts = all(records.texts);
  return all(records.heads).map((head, i) => ({ ...head, ...texts[i] }));
}

/** The results Material shows unfolded: a group's sections; a page only as a result of its own
 * (with text), never as the heading that groups its sections (scripts/bench/search_ui.py). */
export function visible(items) {
  return items.flatMap((group) => group.filter((item) => item.location.includes("#") || item.text).map((item) => item.location));
}

const docs = records(process.argv[2]);
const index = prepare(docs);
const pages = new Map(docs.filter((d) => !d.location.includes("#")).map((d) => [d.location, d]));
const queries = JSON.parse(readFileSync(0, "utf8"));
const out = Object.fromEntries(queries.map((q) => [q, visible(materialResult(rank(index, q), pages).items)]));
process.stdout.write(JSON.stringify(out));
