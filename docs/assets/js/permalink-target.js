// Questions used to live on one page per topic (`<topic>/#<id>`); they now live on subtopic pages.
// The build writes every question id with its page's URL (assets/permalinks.json), and an old link
// is sent on to that page. The decision is here, apart from the page, so Node can test it.

/** The id a location hash names (`#rope` → `rope`), or "" for none. */
export function hashId(hash) {
  try {
    return decodeURIComponent(hash.replace(/^#/, ""));
  } catch {
    return "";
  }
}

/**
 * Where a link ending in `hash` should go instead: the page holding the question, as an absolute
 * URL under `root`, or null when the hash is empty, already on this page, or no question's id.
 */
export function targetOf(hash, map, root, onThisPage) {
  const id = hashId(hash);
  if (!id || onThisPage(id) || !Object.hasOwn(map, id)) return null;
  return new URL(`${map[id]}#${encodeURIComponent(id)}`, root).href;
}
