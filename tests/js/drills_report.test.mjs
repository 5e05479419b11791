// Unit tests for docs/assets/js/drills/report.js: the harness's report as the workbench words it.
import assert from "node:assert/strict";
import { test } from "node:test";

import { allPassed, caseLabel, errorLine, outputView, reportView, shorten } from "../../docs/assets/js/drills/report.js";

const ok = (name) => ({ name, ok: true, message: "", expected: null, actual: null, line: null });
const bad = (name, extra = {}) => ({ name, ok: false, message: "第 0 行应当全部被掩码", expected: "[0.0, 1.0]", actual: "[0.5, 0.5]", line: null, ...extra });

test("all cases passing: 全部通过 with the count, and allPassed agrees", () => {
  const report = { error: null, cases: [ok("test_a"), ok("test_b")] };
  const view = reportView(report);
  assert.equal(view.state, "passed");
  assert.equal(view.summary, "全部通过：2/2");
  assert.equal(allPassed(report), true);
});

test("some failing: 「3/5 通过」, failing cases keep message, expected and actual", () => {
  const report = { error: null, cases: [ok("test_a"), bad("test_mask_rows"), ok("test_c"), bad("test_e", { expected: null, actual: null, message: "" }), ok("test_d")] };
  const view = reportView(report);
  assert.equal(view.state, "failed");
  assert.equal(view.summary, "3/5 通过");
  assert.deepEqual(view.cases[1], {
    name: "test_mask_rows",
    label: "mask rows",
    ok: false,
    message: "第 0 行应当全部被掩码",
    expected: "[0.0, 1.0]",
    actual: "[0.5, 0.5]",
    line: null,
  });
  assert.equal(view.cases[3].message, "断言失败");
  assert.equal(view.cases[3].expected, null);
  assert.equal(view.cases[0].message, "");
  assert.equal(allPassed(report), false);
});

test("a syntax error names its line", () => {
  const report = { error: { kind: "syntax", type: "SyntaxError", message: "invalid syntax", line: 3 }, cases: [] };
  const view = reportView(report);
  assert.equal(view.state, "error");
  assert.equal(view.summary, "第 3 行语法错误：invalid syntax");
  assert.equal(view.error, view.summary);
  assert.equal(allPassed(report), false);
});

test("an exception names its line and type; without a line it says 运行出错", () => {
  assert.equal(errorLine({ kind: "exception", type: "ZeroDivisionError", message: "division by zero", line: 4 }), "第 4 行：ZeroDivisionError: division by zero");
  assert.equal(errorLine({ kind: "exception", type: "ImportError", message: "no numpy", line: null }), "运行出错：ImportError: no numpy");
  assert.equal(errorLine({ kind: "exception", type: "KeyError", message: "", line: 2 }), "第 2 行：KeyError");
  assert.equal(errorLine({ kind: "syntax", type: "SyntaxError", message: "bad", line: null }), "语法错误：bad");
});

test("no cases at all is not a pass", () => {
  const report = { error: null, cases: [] };
  assert.equal(reportView(report).state, "error");
  assert.equal(reportView(report).summary, "没有找到测试用例");
  assert.equal(allPassed(report), false);
});

test("long values and messages are shortened with an ellipsis", () => {
  const long = "x".repeat(1000);
  const view = reportView({ error: null, cases: [bad("test_a", { message: long, expected: long, actual: long })] });
  assert.equal(view.cases[0].message.length, 300);
  assert.ok(view.cases[0].message.endsWith("…"));
  assert.equal(view.cases[0].expected.length, 200);
  assert.equal(shorten("abc", 3), "abc");
  assert.equal(shorten(null, 3), null);
  assert.equal(errorLine({ kind: "syntax", type: "SyntaxError", message: long, line: 1 }).length, "第 1 行语法错误：".length + 300);
});

test("case labels drop test_ and read as words; print output is bounded", () => {
  assert.equal(caseLabel("test_large_logits_stay_finite"), "large logits stay finite");
  assert.equal(caseLabel("check"), "check");
  assert.equal(outputView(""), "");
  assert.equal(outputView("y".repeat(5000)).length, 4000);
});
