// The Python runner (protocol in runner.js): Pyodide in a Web Worker, so a reader's endless loop
// never freezes the page (runner.js terminates this worker instead).
// Started as a *module* worker (new Worker(url, { type: "module" })): Pyodide 314 loads its core
// as an ES module (pyodide.mjs, pyodide.asm.mjs) and refuses classic workers. The build bundles
// this file like the page scripts (a classic IIFE), which runs the same in a module worker.
// Loaded once per worker: the Pyodide core from the site (`pyodide`: its folder), then the harness
// (harness.py); packages (numpy) on the first run that needs them, from packageBase.
import { packageBase } from "./config.js";

const OUTPUT_LIMIT = 4000;
let output = "";
let env = null; // Promise<{ pyodide, run }>
const loaded = new Set();

function capture(line) {
  if (output.length < OUTPUT_LIMIT) output += `${line}\n`;
}

async function boot(base, harnessUrl) {
  const { loadPyodide, version } = await import(`${base}pyodide.mjs`);
  const pyodide = await loadPyodide({ indexURL: base, packageBaseUrl: packageBase(version), stdout: capture, stderr: capture });
  const response = await fetch(harnessUrl);
  if (!response.ok) throw new Error(`harness.py：HTTP ${response.status}`);
  pyodide.FS.mkdirTree("/drill");
  pyodide.FS.writeFile("/drill/drill_harness.py", await response.text());
  const scope = pyodide.globals.get("dict")();
  pyodide.runPython(
    `import json, sys
sys.path.insert(0, "/drill")
import drill_harness

def run_json(code, cases):
    return json.dumps(drill_harness.run(code, cases), ensure_ascii=False)
`,
    { globals: scope },
  );
  return { pyodide, run: scope.get("run_json") };
}

/** The last line of a Python traceback (the exception itself), or the whole message. */
const lastLine = (message) => String(message).trim().split("\n").at(-1);

async function handle(job) {
  const post = (data) => self.postMessage({ id: job.id, ...data });
  let ready;
  try {
    if (!env) {
      post({ type: "stage", stage: "pyodide" });
      env = boot(job.pyodide, job.harness);
    }
    ready = await env;
  } catch (err) {
    env = null;
    post({ type: "failed", fatal: true, message: `Python 运行环境没有载入（${err.message}）。检查网络后再试。` });
    return;
  }
  const missing = (job.packages ?? []).filter((name) => !loaded.has(name));
  if (missing.length) {
    post({ type: "stage", stage: "packages" });
    const errors = [];
    try {
      await ready.pyodide.loadPackage(missing, { messageCallback: () => {}, errorCallback: (m) => errors.push(m) });
    } catch (err) {
      errors.push(err.message);
    }
    for (const name of missing) if (ready.pyodide.loadedPackages[name]) loaded.add(name);
    const failed = missing.filter((name) => !loaded.has(name));
    if (failed.length) {
      const why = errors.length ? `（${lastLine(errors.at(-1))}）` : "";
      post({ type: "failed", fatal: false, message: `${failed.join("、")} 没有载入${why}。它来自 cdn.jsdelivr.net：检查网络后再试。` });
      return;
    }
  }
  output = "";
  post({ type: "stage", stage: "running" });
  try {
    const report = JSON.parse(ready.run(job.code, job.cases));
    post({ type: "result", report, output });
  } catch (err) {
    post({ type: "failed", fatal: false, message: `测试没有跑完：${lastLine(err.message)}`, output });
  }
}

let queue = Promise.resolve();
self.onmessage = (event) => {
  if (event.data?.type !== "run") return;
  queue = queue.then(() => handle(event.data));
};
