// The offline copy (opened from disk, `file://`): the in-browser notebook runner (JupyterLite) needs
// a web server and loads Python from a CDN, so its button becomes a visible note instead.
export const LITE_NOTE = "离线副本里不能在浏览器中运行笔记本（它需要联网加载 Python 运行环境）：请下载 .ipynb 在本地 Jupyter 中运行，或联网后打开在线版。";

/** Whether the page was opened from disk. */
export function isOffline(location) {
  return location.protocol === "file:";
}

/** Replace every 在浏览器中运行 button under `root` with the note; returns how many. */
export function replaceLiteButtons(root, doc) {
  const buttons = [...root.querySelectorAll('a[data-nb-link="lite"]')];
  for (const button of buttons) {
    const note = doc.createElement("span");
    note.className = "nb-offline-note";
    note.textContent = LITE_NOTE;
    button.replaceWith(note);
  }
  return buttons.length;
}

if (typeof document$ !== "undefined" && isOffline(location)) {
  document$.subscribe(() => replaceLiteButtons(document, document));
}
