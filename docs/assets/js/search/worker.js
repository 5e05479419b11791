// The site's search worker, named in each page's __config by scripts/hooks/search_zh.py: Material's
// documented "custom search" route. It speaks Material's message protocol (SETUP 0 → READY 1,
// QUERY 2 → RESULT 3) so Material's search box and result list stay as they are; the ranking
// lives in query.js, engine.js and results.js, which the build (scripts/searchindex/worker.py)
// puts in front of this file: a classic script, as Material starts it and as the offline copy
// can run it from disk. `prepare`, `rank`, `suggestion` and `materialResult` come from them.

const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;

let index = null;
let pages = new Map();
let suggest = false;

addEventListener("message", ({ data: message }) => {
  if (message.type === SETUP) {
    index = prepare(message.data.docs);
    pages = new Map(message.data.docs.filter((d) => !d.location.includes("#")).map((d) => [d.location, d]));
    suggest = Boolean(message.data.options?.suggest);
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    const data = materialResult(rank(index, message.data), pages);
    if (suggest) data.suggest = suggestion(index, message.data);
    postMessage({ type: RESULT, data });
  }
});
