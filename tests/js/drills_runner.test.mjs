// Unit tests for docs/assets/js/drills/runner.js with a fake Worker and fake timers: the worker is
// made on the first run only, a run that runs past the limit is stopped and the next run gets a
// fresh worker, a report before the limit clears the timer, load time does not count.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { PYODIDE_VERSION } from "../../docs/assets/js/drills/config.js";
import { createRunner, RUN_LIMIT_MS, TIMEOUT_MESSAGE } from "../../docs/assets/js/drills/runner.js";

class FakeWorker {
  constructor() {
    this.posted = [];
    this.terminated = false;
    this.onmessage = null;
    this.onerror = null;
  }
  postMessage(data) {
    this.posted.push(data);
  }
  terminate() {
    this.terminated = true;
  }
  /** The worker says something about the latest run. */
  say(data) {
    this.onmessage?.({ data: { id: this.posted.at(-1).id, ...data } });
  }
}

function fakeTimers() {
  let now = 0;
  const pending = new Map();
  let next = 1;
  return {
    setTimeout(fn, ms) {
      const id = next++;
      pending.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(id) {
      pending.delete(id);
    },
    advance(ms) {
      now += ms;
      for (const [id, t] of [...pending]) {
        if (t.at <= now) {
          pending.delete(id);
          t.fn();
        }
      }
    },
    get count() {
      return pending.size;
    },
  };
}

function setup() {
  const workers = [];
  const timers = fakeTimers();
  const stages = [];
  const runner = createRunner({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    timers,
    onStage: (s) => stages.push(s),
  });
  return { runner, workers, timers, stages };
}

const JOB = { code: "def add(a, b): return a + b", cases: "def test_add(): assert add(1, 2) == 3", packages: [], pyodide: "http://x/p/", harness: "http://x/h.py" };
const REPORT = { error: null, cases: [{ name: "test_add", ok: true, message: "", expected: null, actual: null, line: null }] };

test("no worker exists before the first run; the first run makes one and sends the job", () => {
  const { runner, workers } = setup();
  assert.equal(runner.started, false);
  assert.equal(workers.length, 0);
  runner.run(JOB);
  assert.equal(workers.length, 1);
  assert.deepEqual(workers[0].posted, [{ type: "run", id: 1, ...JOB }]);
});

test("a run past the limit terminates the worker and says so", async () => {
  const { runner, workers, timers } = setup();
  const outcome = runner.run(JOB);
  workers[0].say({ type: "stage", stage: "pyodide" });
  workers[0].say({ type: "stage", stage: "running" });
  timers.advance(RUN_LIMIT_MS - 1);
  assert.equal(workers[0].terminated, false);
  timers.advance(1);
  assert.equal(workers[0].terminated, true);
  assert.deepEqual(await outcome, { kind: "timeout", message: TIMEOUT_MESSAGE });
  assert.equal(TIMEOUT_MESSAGE, "运行超过 5 秒，已停止：检查是否有死循环");
  assert.equal(runner.started, false);
  assert.equal(runner.busy, false);
});

test("loading time does not count: the clock starts when the code starts running", async () => {
  const { runner, workers, timers, stages } = setup();
  const outcome = runner.run(JOB);
  workers[0].say({ type: "stage", stage: "pyodide" });
  workers[0].say({ type: "stage", stage: "packages" });
  timers.advance(60_000);
  assert.equal(workers[0].terminated, false);
  assert.equal(timers.count, 0);
  workers[0].say({ type: "stage", stage: "running" });
  workers[0].say({ type: "result", report: REPORT, output: "hi\n" });
  assert.deepEqual(await outcome, { kind: "report", report: REPORT, output: "hi\n" });
  assert.deepEqual(stages, ["pyodide", "packages", "running"]);
});

test("a report before the limit clears the timer and keeps the worker for the next run", async () => {
  const { runner, workers, timers } = setup();
  const first = runner.run(JOB);
  workers[0].say({ type: "stage", stage: "running" });
  assert.equal(timers.count, 1);
  workers[0].say({ type: "result", report: REPORT });
  assert.equal(timers.count, 0);
  assert.equal((await first).kind, "report");
  timers.advance(RUN_LIMIT_MS * 2);
  assert.equal(workers[0].terminated, false);
  runner.run(JOB);
  assert.equal(workers.length, 1);
  assert.equal(workers[0].posted.at(-1).id, 2);
});

test("the run after a timeout makes a new worker, and the page can go on", async () => {
  const { runner, workers, timers } = setup();
  const first = runner.run(JOB);
  workers[0].say({ type: "stage", stage: "running" });
  timers.advance(RUN_LIMIT_MS);
  assert.equal((await first).kind, "timeout");
  const second = runner.run(JOB);
  assert.equal(workers.length, 2);
  assert.equal(workers[1].terminated, false);
  workers[1].say({ type: "stage", stage: "running" });
  workers[1].say({ type: "result", report: REPORT });
  assert.equal((await second).kind, "report");
});

test("messages of an earlier run are ignored", async () => {
  const { runner, workers } = setup();
  const first = runner.run(JOB);
  workers[0].say({ type: "result", report: REPORT });
  await first;
  const second = runner.run(JOB);
  workers[0].onmessage({ data: { type: "result", id: 1, report: { error: null, cases: [] } } });
  assert.equal(runner.busy, true);
  workers[0].say({ type: "result", report: REPORT });
  assert.deepEqual((await second).report, REPORT);
});

test("a second run while one is under way is refused, not queued", async () => {
  const { runner, workers } = setup();
  runner.run(JOB);
  assert.deepEqual(await runner.run(JOB), { kind: "busy" });
  assert.equal(workers[0].posted.length, 1);
});

test("a fatal failure (Pyodide did not load) drops the worker so the next run starts over", async () => {
  const { runner, workers } = setup();
  const first = runner.run(JOB);
  workers[0].say({ type: "failed", message: "Pyodide 没有载入", fatal: true });
  assert.deepEqual(await first, { kind: "error", message: "Pyodide 没有载入" });
  assert.equal(workers[0].terminated, true);
  runner.run(JOB);
  assert.equal(workers.length, 2);
});

test("a non-fatal failure keeps the worker", async () => {
  const { runner, workers } = setup();
  const first = runner.run(JOB);
  workers[0].say({ type: "failed", message: "SystemExit", fatal: false });
  assert.equal((await first).kind, "error");
  assert.equal(workers[0].terminated, false);
});

test("a worker that fails to start (script error) is reported and replaced on the next run", async () => {
  const { runner, workers } = setup();
  const first = runner.run(JOB);
  let prevented = false;
  workers[0].onerror({ message: "SyntaxError", preventDefault: () => (prevented = true) });
  const outcome = await first;
  assert.equal(outcome.kind, "error");
  assert.match(outcome.message, /Python 运行环境没有启动（SyntaxError）/);
  assert.ok(prevented);
  runner.run(JOB);
  assert.equal(workers.length, 2);
});

test("a browser that refuses to make the worker gets a message, not an exception", async () => {
  const runner = createRunner({
    createWorker: () => {
      throw new Error("SecurityError");
    },
    timers: fakeTimers(),
  });
  const outcome = await runner.run(JOB);
  assert.equal(outcome.kind, "error");
  assert.match(outcome.message, /SecurityError/);
  assert.equal(runner.busy, false);
});

test("the Pyodide version named on the page is the one package.json pins", () => {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  assert.equal(PYODIDE_VERSION, pkg.dependencies.pyodide);
});
