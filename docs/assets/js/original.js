// 原始回答 is collapsed under each 参考答案. Open it when the reader is sent inside it: a link to an
// anchor within it, or a search hit that Material highlights (`?h=…`) in its text.

/** The closed <details> elements that contain `node`, innermost first. */
export function closedAround(node) {
  const closed = [];
  for (let n = node; n; n = n.parentElement) {
    if (n.tagName === "DETAILS" && !n.open) closed.push(n);
  }
  return closed;
}

/** Open every closed <details> around `node`; true when something was opened. */
export function reveal(node) {
  const closed = closedAround(node);
  for (const d of closed) d.open = true;
  return closed.length > 0;
}

function revealHash() {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && document.getElementById(id);
  if (target && reveal(target)) target.scrollIntoView();
}

// Material marks search terms after the page is shown, once its search index is ready.
function revealHighlights(root) {
  if (!new URL(location.href).searchParams.get("h")) return;
  const open = () => root.querySelectorAll("mark[data-md-highlight]").forEach(reveal);
  open();
  const observer = new MutationObserver(open);
  observer.observe(root, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 10000);
}

if (typeof document$ !== "undefined") {
  document$.subscribe(() => {
    revealHash();
    const article = document.querySelector("article.md-content__inner");
    if (article) revealHighlights(article);
  });
  window.addEventListener("hashchange", revealHash);
}
