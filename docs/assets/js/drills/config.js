// What the 手撕代码 scripts agree on with the Python build (llm_interview.drills) and with npm.
//
// The build writes, for each drill page:
//   <div class="drill-bench" data-drill-id data-drill-runtime data-drill-spec data-drill-harness
//        data-drill-pyodide [data-drill-download]>
//     <pre class="drill-skeleton"><code>skeleton</code></pre>
//   </div>
//   <ol class="drill-hints"><li><details><summary>提示 1</summary>…</details></li>…</ol>
// and on the section page <ul class="drill-list"><li data-drill-id="ID">…</li></ul>.
// URLs in data attributes are relative to the page.

/** The Pyodide npm version that package.json pins (tests/js/drills_runner.test.mjs checks it);
 * its core files are served by the site from data-drill-pyodide. */
export const PYODIDE_VERSION = "314.0.8";

/** Where packages that the site does not serve (numpy) come from: the Pyodide distribution of the
 * same version on jsDelivr. The self-hosted pyodide-lock.json names each wheel and its sha256,
 * so the wheel is checked against the site's own lock file. */
export const packageBase = (version) => `https://cdn.jsdelivr.net/pyodide/v${version}/full/`;

/** The `.py` download: data-drill-download when the build gives it, else `<id>.py` next to the
 * spec JSON (assets/drills/<id>.py). */
export const DOWNLOAD_ATTRIBUTE = "data-drill-download";

/** Autosave of the reader's code, after this long without typing. */
export const SAVE_DELAY_MS = 500;

/** How long 重置为骨架 offers its undo. */
export const UNDO_MS = 8000;
