// The harness's report (llm_interview/drills/harness.py `run`) as what the workbench shows:
//   { error: null | { kind: "syntax"|"exception", type, message, line },
//     cases: [{ name, ok, message, expected, actual, line }] }
// Pure: no DOM here (report-view.js draws it).

const LIMIT = { message: 300, value: 200 };

/** `text` cut to `limit` characters with an ellipsis; null and undefined stay null. */
export function shorten(text, limit) {
  if (text === null || text === undefined) return null;
  const s = String(text);
  return s.length <= limit ? s : `${s.slice(0, limit - 1)}…`;
}

/** Every case ran and passed (the harness's `passed`). */
export function allPassed(report) {
  return report.error === null && report.cases.length > 0 && report.cases.every((c) => c.ok);
}

/** The one-line description of the reader's own error. */
export function errorLine(error) {
  const message = shorten(error.message, LIMIT.message);
  if (error.kind === "syntax") return error.line ? `第 ${error.line} 行语法错误：${message}` : `语法错误：${message}`;
  const what = message ? `${error.type}: ${message}` : error.type;
  return error.line ? `第 ${error.line} 行：${what}` : `运行出错：${what}`;
}

/** A test function's name as the reader sees it: `test_` dropped, underscores as spaces. */
export function caseLabel(name) {
  return name.replace(/^test_/, "").replaceAll("_", " ");
}

/**
 * The view model of a report:
 *   { state: "passed"|"failed"|"error", summary, error: string|null,
 *     cases: [{ name, label, ok, message, expected, actual, line }] }
 * `summary` is the status line (「3/5 通过」); a failing case keeps its message and, when the
 * check knew them, the expected and actual values, shortened.
 */
export function reportView(report) {
  if (report.error) {
    return { state: "error", summary: errorLine(report.error), error: errorLine(report.error), cases: [] };
  }
  const cases = report.cases.map((c) => ({
    name: c.name,
    label: caseLabel(c.name),
    ok: c.ok,
    message: c.ok ? "" : shorten(c.message || "断言失败", LIMIT.message),
    expected: c.ok ? null : shorten(c.expected, LIMIT.value),
    actual: c.ok ? null : shorten(c.actual, LIMIT.value),
    line: c.line ?? null,
  }));
  if (cases.length === 0) return { state: "error", summary: "没有找到测试用例", error: "没有找到测试用例", cases };
  const passed = cases.filter((c) => c.ok).length;
  const all = passed === cases.length;
  return {
    state: all ? "passed" : "failed",
    summary: all ? `全部通过：${passed}/${cases.length}` : `${passed}/${cases.length} 通过`,
    error: null,
    cases,
  };
}

/** What `print` wrote during the run, bounded (the worker already caps it). */
export function outputView(output) {
  return output ? shorten(output, 4000) : "";
}
