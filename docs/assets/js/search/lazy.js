// Search loads when it is needed (issue 13). Material 9.8 fetches search/search_index.json on every
// page load and offers no supported way to defer it, so on the served site that file is a small
// stub and the site's worker (worker.js) fetches the records only when this script asks: on the
// first focus of the search box, which a click and the 「/」「s」「f」 keys give it, when the phone's
// magnifier opens it, or at once for a shared search link (?q=…). Messages go over a
// BroadcastChannel because Material keeps its worker to itself (the site's other open tabs hear
// them too and load their index: harmless, it comes from the cache).
// With navigation.instant this script runs once per visit; the offline copy never needs it.
// When the whole index has arrived the page gets data-search-index="complete" (tests wait for it).
(() => {
  if (typeof BroadcastChannel === "undefined") return; // the worker then loads at once
  let channel;
  try {
    channel = new BroadcastChannel("search-index");
  } catch {
    return; // pages opened from disk: the offline copy holds the index inline
  }
  let asked = false;
  const ask = () => channel.postMessage("load");
  channel.onmessage = ({ data }) => {
    if (data === "waiting" && asked) ask();
    if (data === "complete") document.documentElement.dataset.searchIndex = "complete";
  };
  const wanted = () => {
    if (asked) return;
    asked = true;
    ask();
  };
  document.addEventListener("focusin", ({ target }) => {
    if (target instanceof Element && target.matches("input.md-search__input")) wanted();
  });
  document.getElementById("__search")?.addEventListener("change", wanted);
  if (new URLSearchParams(location.search).has("q")) wanted();
})();
