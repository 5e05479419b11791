// The main thread's side of the Python runner: owns the Web Worker (worker.js) that runs Pyodide.
// No worker exists before the first run. A run may take as long as loading takes (Pyodide, then
// the drill's packages), but once the worker says the reader's code is running it has
// RUN_LIMIT_MS: past that the worker is terminated (the only way to stop Python stuck in a loop),
// the run reports TIMEOUT_MESSAGE and the next run starts a fresh worker.
// The Worker constructor and the timers are injected, so tests/js/drills_runner.test.mjs drives
// this with a fake worker and fake timers.
//
// Protocol (structured-clone messages):
//   page → worker  { type: "run", id, code, cases, packages, pyodide, harness }
//                  (pyodide: absolute URL of the self-hosted Pyodide folder, ending in "/";
//                   harness: absolute URL of harness.py)
//   worker → page  { type: "stage", id, stage }   stage: "pyodide" | "packages" | "running"
//                  { type: "result", id, report, output }   report: harness.run's dict; output: print()
//                  { type: "failed", id, message, fatal }   fatal: the worker is of no further use

export const RUN_LIMIT_MS = 5000;
export const TIMEOUT_MESSAGE = "运行超过 5 秒，已停止：检查是否有死循环";

/**
 * A runner. `createWorker()` makes the worker; `timers` has setTimeout and clearTimeout;
 * `onStage(stage)` hears the stages of the current run.
 * `run(job)` resolves (never rejects) with one of
 *   { kind: "report", report, output } · { kind: "timeout", message } · { kind: "error", message }
 *   · { kind: "busy" } (a run is already under way).
 */
export function createRunner({ createWorker, timers = globalThis, limitMs = RUN_LIMIT_MS, onStage = () => {} }) {
  let worker = null;
  let current = null; // { id, resolve, timer }
  let nextId = 1;

  function discard() {
    if (!worker) return;
    worker.onmessage = worker.onerror = worker.onmessageerror = null;
    worker.terminate();
    worker = null;
  }

  function finish(outcome) {
    if (!current) return;
    if (current.timer !== null) timers.clearTimeout(current.timer);
    const { resolve } = current;
    current = null;
    resolve(outcome);
  }

  function onMessage(event) {
    const data = event.data;
    if (!current || !data || data.id !== current.id) return;
    if (data.type === "stage") {
      onStage(data.stage);
      if (data.stage === "running" && current.timer === null) {
        current.timer = timers.setTimeout(() => {
          discard();
          finish({ kind: "timeout", message: TIMEOUT_MESSAGE });
        }, limitMs);
      }
    } else if (data.type === "result") {
      finish({ kind: "report", report: data.report, output: data.output ?? "" });
    } else if (data.type === "failed") {
      if (data.fatal) discard();
      finish({ kind: "error", message: data.message });
    }
  }

  function onError(event) {
    event?.preventDefault?.();
    discard();
    const detail = event?.message ? `（${event.message}）` : "";
    finish({ kind: "error", message: `Python 运行环境没有启动${detail}。刷新页面后再试；这个浏览器也可能不支持模块 Worker。` });
  }

  function spawn() {
    worker = createWorker();
    worker.onmessage = onMessage;
    worker.onerror = onError;
    worker.onmessageerror = onError;
  }

  return {
    /** Run `job` = { code, cases, packages, pyodide, harness }. */
    run(job) {
      if (current) return Promise.resolve({ kind: "busy" });
      return new Promise((resolve) => {
        current = { id: nextId++, resolve, timer: null };
        try {
          if (!worker) spawn();
        } catch (err) {
          discard();
          finish({ kind: "error", message: `浏览器没有允许启动 Python 运行环境（${err.message}）` });
          return;
        }
        worker.postMessage({ type: "run", id: current.id, ...job });
      });
    },
    /** Whether a worker exists (tests; the page shows nothing of it). */
    get started() {
      return worker !== null;
    },
    /** Whether a run is under way. */
    get busy() {
      return current !== null;
    },
    /** Stop the worker and any run (the run resolves as an error). */
    dispose() {
      discard();
      finish({ kind: "error", message: "已停止" });
    },
  };
}
