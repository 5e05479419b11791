// The 手撕代码 workbench, loaded by drills/main.js on pages that have a `.drill-bench` (DOM
// contract in config.js). It mounts itself on every unmounted bench, now and after each instant
// navigation: an editor (a plain textarea at first, CodeMirror from editor.js once the reader
// reaches for it), 运行测试 / 重置为骨架 / 下载 .py, a status line and the report. The code
// autosaves per drill in the practice store; a run that passes every case marks the drill 已通过.
// Python runs in a worker (runner.js, worker.js), created on the first 运行测试.
import { h } from "../practice/dom.js";
import { read, update } from "../practice/store.js";
import { practicePage } from "../practice/topic.js";
import { DOWNLOAD_ATTRIBUTE, PYODIDE_VERSION, SAVE_DELAY_MS, UNDO_MS } from "./config.js";
import { codeFor, drillRecord, markPassed, saveDraft } from "./progress.js";
import { allPassed, outputView, reportView } from "./report.js";
import { renderNotice, renderReport } from "./report-view.js";
import { createRunner } from "./runner.js";
import { bindTextarea } from "./textarea.js";

/** Where this script and its siblings are (read while the script runs: see bundle.py). */
const HERE = import.meta.url;
const WORKER = new URL("worker.js", HERE).href;
const EDITOR = new URL("editor.js", HERE).href;
const ROOT = new URL("../../../", HERE).href;

/** The status line while a run is under way (the packages stage names the spec's packages). */
const STAGES = {
  pyodide: `正在载入 Python 运行环境（Pyodide ${PYODIDE_VERSION}，第一次运行需要下载，之后来自浏览器缓存）…`,
  running: "正在运行测试…",
};

const KEYS_HELP = "Tab 缩进，Shift+Tab 减少缩进；要用 Tab 离开编辑器，先按 Esc 再按 Tab。Ctrl+Enter（Mac 上 ⌘+Enter）运行测试。代码自动保存在本机浏览器里。";

function browserStorage() {
  try {
    return window.localStorage;
  } catch (err) {
    const refuse = () => {
      throw err;
    };
    return { getItem: refuse, setItem: refuse, removeItem: refuse };
  }
}
const storage = browserStorage();

let onStage = null;
const runner = createRunner({
  createWorker: () => new Worker(WORKER, { type: "module", name: "drill-python" }),
  onStage: (stage) => onStage?.(stage),
});

let editorState = "none"; // "none" | "loading" | "loaded"
/** Load the CodeMirror bundle once; it upgrades the plain editors itself. */
function loadEditor() {
  if (editorState !== "none") return;
  editorState = "loading";
  const script = document.createElement("script");
  script.src = EDITOR;
  script.onload = () => {
    editorState = "loaded";
  };
  script.onerror = () => {
    editorState = "none"; // the plain editor stays; a later hover tries again
    script.remove();
  };
  document.head.append(script);
}

const benches = new Set();
let serial = 0;

/** Mount the workbench on `root` (a `.drill-bench`). */
function mountBench(root) {
  root.dataset.drillMounted = "true";
  const id = root.dataset.drillId;
  const pageUrl = document.baseURI;
  const url = (name) => new URL(root.getAttribute(name), pageUrl).href;
  const specUrl = url("data-drill-spec");
  const download = root.hasAttribute(DOWNLOAD_ATTRIBUTE) ? url(DOWNLOAD_ATTRIBUTE) : new URL(`${id}.py`, specUrl).href;
  const numpy = root.dataset.drillRuntime === "numpy";
  const skeletonEl = root.querySelector(".drill-skeleton");
  const skeleton = skeletonEl?.textContent ?? "";
  const n = ++serial;

  const stored = read(storage);
  const corrupt = Boolean(stored.corrupt);
  const area = h("textarea", {
    class: "drill-code",
    spellcheck: "false",
    autocapitalize: "off",
    autocomplete: "off",
    autocorrect: "off",
    wrap: "off",
    rows: String(Math.min(30, Math.max(8, skeleton.split("\n").length + 2))),
    "aria-label": `代码编辑器：${id}（Python）`,
    "aria-describedby": `drill-keys-${n}`,
  });
  area.value = corrupt ? skeleton : codeFor(stored.state, id, skeleton);

  const passedNote = h("p", { class: "drill-bench__passed", hidden: true }, h("span", { class: "drill-icon", "aria-hidden": "true" }, "✓"), "已通过：这道题你的代码曾通过全部测试。");
  const runButton = h("button", { class: "md-button md-button--primary drill-run", type: "button" }, "运行测试");
  const resetButton = h("button", { class: "md-button drill-reset", type: "button" }, "重置为骨架");
  const downloadLink = h("a", { class: "md-button drill-download", href: download, download: `${id}.py` }, "下载 .py");
  const status = h("p", { class: "drill-status", role: "status", "aria-live": "polite" });
  const report = h("div", { class: "drill-report", hidden: true });
  const offline = location.protocol === "file:";
  const source = offline
    ? "离线副本里不能运行测试（浏览器不允许从本地文件启动 Python 运行环境）：可以「下载 .py」在本地用 Python 运行，或联网打开在线版。"
    : `Python 运行在你的浏览器里：Pyodide ${PYODIDE_VERSION} 来自本站${numpy ? "，numpy 来自 cdn.jsdelivr.net" : ""}；第一次点「运行测试」时才下载。`;
  const corruptNote = corrupt
    ? h("p", { class: "drill-bench__warning" }, "本机保存的练习进度读不出来，代码草稿和通过记录暂时不会保存。", h("a", { href: practicePage(document, ROOT) }, "去练习页查看原因并处理"), "。")
    : null;

  const editorBox = h("div", { class: "drill-editor" }, area);
  const parts = [
    passedNote,
    editorBox,
    h("p", { class: "drill-keys", id: `drill-keys-${n}` }, KEYS_HELP),
    h("p", { class: "drill-actions" }, runButton, resetButton, downloadLink),
    h("p", { class: "drill-source" }, source),
    corruptNote,
    status,
    report,
  ];
  root.replaceChildren(...parts.filter(Boolean));
  root.classList.add("drill-bench--mounted");
  runButton.disabled = offline;
  const showPassed = (state) => {
    passedNote.hidden = !drillRecord(state, id).passed;
  };
  if (!corrupt) showPassed(stored.state);

  // Autosave, debounced; flushed before a run, on leaving the page and on instant navigation.
  let timer = null;
  let saveWarned = false;
  function flush() {
    if (timer === null) return;
    clearTimeout(timer);
    timer = null;
    const result = update(storage, (s) => saveDraft(s, id, area.value, skeleton, Date.now()));
    if ((result.failed || result.corrupt) && !saveWarned) {
      saveWarned = true;
      say(result.failed ?? "本机保存的练习进度读不出来，代码没有保存。");
    }
  }
  area.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(flush, SAVE_DELAY_MS);
  });
  area.addEventListener("compositionstart", () => {
    area.dataset.composing = "true";
  });
  area.addEventListener("compositionend", () => {
    delete area.dataset.composing;
  });

  function say(...parts) {
    status.replaceChildren(...parts);
  }

  /** Put `code` in the editor (CodeMirror follows through drill:replace) and save it. */
  function setCode(code) {
    area.value = code;
    area.dispatchEvent(new Event("drill:replace"));
    area.dispatchEvent(new Event("input"));
  }

  let undoTimer = null;
  resetButton.addEventListener("click", () => {
    const before = area.value;
    if (before === skeleton) return say("代码已经是骨架。");
    setCode(skeleton);
    flush();
    const undo = h("button", { class: "md-button drill-undo", type: "button" }, "撤销");
    undo.addEventListener("click", () => {
      clearTimeout(undoTimer);
      setCode(before);
      flush();
      say("已恢复重置前的代码。");
    });
    say("已重置为骨架代码。", " ", undo);
    clearTimeout(undoTimer);
    undoTimer = setTimeout(() => undo.isConnected && undo.remove(), UNDO_MS);
  });

  let spec = null;
  async function loadSpec() {
    if (spec) return spec;
    const response = await fetch(specUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data = await response.json();
    spec = { cases: String(data.cases), packages: Array.isArray(data.packages) ? data.packages : [] };
    return spec;
  }

  async function run() {
    if (offline || runner.busy) return;
    flush();
    runButton.disabled = true;
    runButton.setAttribute("aria-busy", "true");
    say("正在准备测试…");
    const started = performance.now();
    try {
      let job;
      try {
        job = await loadSpec();
      } catch (err) {
        say(`测试用例没有载入（${err.message}）：检查网络后再试。`);
        return;
      }
      onStage = (stage) => say(stage === "packages" ? `正在载入 ${job.packages.join("、")}（来自 cdn.jsdelivr.net）…` : STAGES[stage]);
      const outcome = await runner.run({ code: area.value, cases: job.cases, packages: job.packages, pyodide: url("data-drill-pyodide").replace(/\/?$/, "/"), harness: url("data-drill-harness") });
      onStage = null;
      root.dataset.drillLastRunMs = String(Math.round(performance.now() - started));
      if (outcome.kind === "report") {
        const view = reportView(outcome.report);
        renderReport(report, view, outputView(outcome.output));
        if (allPassed(outcome.report)) {
          const result = update(storage, (s) => markPassed(s, id, Date.now()));
          if (result.state) showPassed(result.state);
          say(`${view.summary}。已记为「已通过」。`);
        } else {
          say(view.summary);
        }
      } else if (outcome.kind !== "busy") {
        renderNotice(report, outcome.message);
        say(outcome.message);
      }
    } finally {
      runButton.disabled = false;
      runButton.removeAttribute("aria-busy");
    }
  }
  runButton.addEventListener("click", run);
  area.addEventListener("drill:run", run);
  bindTextarea(area, run);

  for (const type of ["pointerenter", "focusin"]) editorBox.addEventListener(type, loadEditor);
  editorBox.addEventListener(
    "touchstart",
    () => {
      area.dataset.touch = "true"; // editor.js then waits for the textarea to lose focus
      loadEditor();
    },
    { passive: true },
  );
  benches.add({ root, flush });
}

/** Mount every bench not mounted yet; flush and forget the benches of pages left behind. */
function mountAll() {
  for (const bench of benches) {
    if (bench.root.isConnected) continue;
    bench.flush();
    benches.delete(bench);
  }
  let mounted = 0;
  for (const root of document.querySelectorAll(".drill-bench:not([data-drill-mounted])")) {
    mountBench(root);
    mounted++;
  }
  if (mounted && editorState === "loaded") document.dispatchEvent(new Event("drill:bench"));
}

function flushAll() {
  for (const bench of benches) bench.flush();
}

window.addEventListener("pagehide", flushAll);
document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flushAll());
mountAll();
if (typeof document$ !== "undefined") document$.subscribe(mountAll);
