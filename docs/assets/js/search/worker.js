// The site's search worker, named in each page's __config by src/llm_interview/search/plugin.py: Material's
// documented "custom search" route. It speaks Material's message protocol (SETUP 0 → READY 1,
// QUERY 2 → RESULT 3) so Material's search box and result list stay as they are; the ranking
// lives in query.js, engine.js and results.js; the build bundles them with this file into one
// classic script (src/llm_interview/frontend/bundle.py), as Material starts it and as the offline copy can
// run it from disk.
//
// Loading on demand: Material sends SETUP with its search_index.json as soon as a page loads. On
// the served site that file is a stub whose `config.records` names two files (see
// src/llm_interview/search/index.py); this worker fetches them only once lazy.js says, on the
// "search-index" BroadcastChannel, that the reader has focused the search box: the heads (title,
// keywords) first, then READY, then the bodies (answer text, 原始回答), after which the last
// query is answered again with snippets. The offline copy hands over every record inline.

import { prepare, rank, suggestion } from "./engine.js";
import { materialResult } from "./results.js";

const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;
const CHANNEL = "search-index"; // lazy.js: "load" from the page, "waiting" and "complete" back

let index = null;
let pages = new Map();
let suggest = false;
let last = null;

function use(docs) {
  index = prepare(docs);
  pages = new Map(docs.filter((d) => !d.location.includes("#")).map((d) => [d.location, d]));
}

function answer(query) {
  const data = materialResult(rank(index, query), pages);
  if (suggest) data.suggest = suggestion(index, query);
  postMessage({ type: RESULT, data });
}

async function fetchJson(path) {
  const response = await fetch(new URL(path, self.location.href));
  if (!response.ok) throw new Error(`search: ${path}: HTTP ${response.status}`);
  return response.json();
}

async function load([heads, bodies], channel) {
  const docs = await fetchJson(heads);
  use(docs);
  postMessage({ type: READY });
  const texts = await fetchJson(bodies);
  use(docs.map((doc, i) => ({ ...doc, ...texts[i] })));
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
