// Sends an old link `<topic>/#<id>` to the subtopic page the question is on now. The id map is
// fetched only when the page has no element with the hash's id, so normal visits cost nothing.
// site.js starts it with the site's root address.
import { hashId, targetOf } from "./permalink-target.js";

let root = null;
let map = null;
let handled = ""; // the address already dealt with: Material and the browser may both report it

const onThisPage = (id) => document.getElementById(id) !== null;

async function follow() {
  const id = hashId(location.hash);
  if (!id || onThisPage(id) || handled === location.href) return;
  handled = location.href;
  map ??= await fetch(new URL("assets/permalinks.json", root))
    .then((response) => (response.ok ? response.json() : {}))
    .catch(() => ({}));
  const target = targetOf(location.hash, map, root, onThisPage);
  if (target && target !== location.href) location.replace(target);
}

/** Follow old links on every page from now on; `siteRoot` is the site's root URL. */
export function startPermalinks(siteRoot) {
  root = siteRoot;
  if (window.document$) window.document$.subscribe(follow);
  else follow();
  addEventListener("hashchange", follow);
}
