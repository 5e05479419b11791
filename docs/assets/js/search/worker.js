// The site's search worker, named in each page's __config by src/llm_interview/search/plugin.py: Material's
// documented "custom search" route. It speaks Material's message protocol (SETUP 0 → READY 1,
// QUERY 2 → RESULT 3) so Material's search box and result list stay as they are; the ranking
// lives in query.js, engine.js and results.js; the build bundles them with this file into one
// classic script (src/llm_interview/frontend/bundle.py), as Material starts it and as the offline copy can
// run it from disk.
//
// Loading on demand: Material sends SETUP with its search_index.json as soon as a page loads. On
// the served site that file is a stub whose `config.records` says where the records are (see
// src/llm_interview/search/index.py); this worker fetches them only once lazy.js says, on the
// "search-index" BroadcastChannel, that the reader has focused the search box: the heads (title,
// keywords) first, then READY, then the bodies (answer text, 原始回答), both in shards (shards.js),
// the texts of the results on screen first, each answering the last query again with its
// snippets. The offline copy hands over every record inline.

import { complete, prepare, rank, suggestion, update } from "./engine.js";
import { materialResult, shownResults } from "./results.js";
import { holdsAny, nextShard, shardsOf } from "./shards.js";

const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;
const CHANNEL = "search-index"; // lazy.js: "load" from the page, "waiting" and "complete" back

const PARALLEL = 2; // shards fetched at a time

let index = null;
let pages = new Map();
let positions = new Map(); // location -> record number
let suggest = false;
let last = null;
let shown = []; // record numbers of the last answer's results, best first

function use(docs) {
  index = prepare(docs);
  usePages(docs);
}

function usePages(docs) {
  pages = new Map(docs.filter((d) => !d.location.includes("#")).map((d) => [d.location, d]));
  positions = new Map(docs.map((d, i) => [d.location, i]));
}

function answer(query) {
  const ranked = rank(index, query);
  const data = materialResult(ranked, pages);
  if (suggest) data.suggest = suggestion(index, query);
  shown = shownResults(ranked).map((r) => positions.get(r.entry.doc.location));
  postMessage({ type: RESULT, data });
}

async function fetchJson(path) {
  const response = await fetch(new URL(path, self.location.href));
  if (!response.ok) throw new Error(`search: ${path}: HTTP ${response.status}`);
  return response.json();
}

async function load(records, channel) {
  const heads = await Promise.all(shardsOf(records.heads).map((shard) => fetchJson(shard.url)));
  const docs = heads.flat();
  use(docs);
  postMessage({ type: READY });
  const shards = shardsOf(records.texts, docs.length);
  const pending = new Set(shards.keys());
  const fetchShards = async () => {
    while (pending.size) {
      const k = nextShard(pending, shards, shown);
      pending.delete(k);
      const shard = shards[k];
      const texts = await fetchJson(shard.url);
      const whole = texts.map((text, i) => ({ ...docs[shard.start + i], ...text }));
      whole.forEach((doc, i) => {
        docs[shard.start + i] = doc;
      });
      update(index, shard.start, whole);
      if (last !== null && holdsAny(shard, shown)) answer(last);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, shards.length) }, fetchShards));
  complete(index);
  usePages(docs);
  if (last !== null) answer(last);
  channel?.postMessage("complete");
}

/** Runs `start` once the page asks for the index (at once where pages cannot ask). */
function whenAsked(start) {
  if (typeof BroadcastChannel === "undefined") return start(null);
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = ({ data }) => {
    if (data !== "load") return;
    channel.onmessage = null;
    start(channel);
  };
  channel.postMessage("waiting"); // a page whose box was focused before this worker ran asks again
}

addEventListener("message", ({ data: message }) => {
  if (message.type === SETUP) {
    suggest = Boolean(message.data.options?.suggest);
    const records = message.data.config?.records;
    if (records) {
      whenAsked((channel) => load(records, channel));
    } else {
      use(message.data.docs);
      postMessage({ type: READY });
    }
  } else if (message.type === QUERY) {
    last = message.data;
    answer(last);
  }
});
