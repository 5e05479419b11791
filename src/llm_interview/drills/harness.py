"""Runs a reader's drill code against the drill's cases, in CPython and in Pyodide alike.

The cases are `test_*` functions that call the reader's functions by name and check results with
`expect_close`, `expect_equal` or a plain `assert cond, "说明"`. `run` returns one report (a dict
that JSON can carry to the page): the reader's syntax error or exception with its line, or one
result per case with the message and the expected and actual values, shortened.
"""

from __future__ import annotations

import math
import reprlib
import sys
import traceback

READER_FILE = "solution.py"  # the name the reader's code is compiled under, so tracebacks find it


class CaseFailure(AssertionError):
    """A failed expectation that knows what was expected and what came back."""

    def __init__(self, message: str, expected: object, actual: object):
        super().__init__(message)
        self.expected = expected
        self.actual = actual


def shorten(value: object, limit: int = 160) -> str:
    """A one-line, bounded representation (numpy arrays are printed by numpy, then cut)."""
    if type(value).__module__ == "numpy":
        text = " ".join(repr(value).split())
    else:
        shown = reprlib.Repr()
        shown.maxlist = shown.maxtuple = 8
        shown.maxstring, shown.maxother = 60, 80
        text = shown.repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _as_floats(value: object) -> list[float] | None:
    """A flat list of floats for numbers, (nested) sequences of numbers and numpy arrays."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return [float(value)]
    if isinstance(value, (list, tuple)):
        flat: list[float] = []
        for item in value:
            inner = _as_floats(item)
            if inner is None:
                return None
            flat.extend(inner)
        return flat
    return None


def _shape(value: object) -> tuple:
    if hasattr(value, "shape"):
        return tuple(value.shape)
    if isinstance(value, (list, tuple)):
        return (len(value), *(_shape(value[0]) if value else ()))
    return ()


def expect_close(actual, expected, message: str, *, atol: float = 1e-6, rtol: float = 1e-5):
    """Numbers, sequences or arrays equal in shape and within tolerance; NaN never matches."""
    got, want = _as_floats(actual), _as_floats(expected)
    if got is None:
        raise CaseFailure(f"{message}（返回值不是数或数组）", expected, actual)
    if _shape(actual) != _shape(expected):
        raise CaseFailure(
            f"{message}（形状应为 {_shape(expected)}，实际是 {_shape(actual)}）", expected, actual
        )
    for g, w in zip(got, want, strict=True):
        if not (math.isfinite(g) and abs(g - w) <= atol + rtol * abs(w)):
            raise CaseFailure(message, expected, actual)


def expect_equal(actual, expected, message: str):
    """Exactly equal (lists, strings, ints, tuples)."""
    if actual != expected:
        raise CaseFailure(message, expected, actual)


def _reader_line(tb) -> int | None:
    """The last line of the reader's code in a traceback, if the error passed through it."""
    line = None
    for frame in traceback.extract_tb(tb):
        if frame.filename == READER_FILE:
            line = frame.lineno
    return line


def _error(kind: str, err: BaseException, line: int | None) -> dict:
    message = err.msg if isinstance(err, SyntaxError) else str(err)
    return {"kind": kind, "type": type(err).__name__, "message": message, "line": line}


def _case(name: str, fn) -> dict:
    result = {
        "name": name,
        "ok": True,
        "message": "",
        "expected": None,
        "actual": None,
        "line": None,
    }
    try:
        fn()
    except CaseFailure as err:
        result.update(ok=False, message=str(err))
        result.update(expected=shorten(err.expected), actual=shorten(err.actual))
    except AssertionError as err:
        result.update(ok=False, message=str(err) or "断言失败")
    except Exception as err:
        line = _reader_line(sys.exc_info()[2])
        where = f"（你的代码第 {line} 行）" if line else ""
        result.update(ok=False, message=f"{type(err).__name__}: {err}{where}", line=line)
    return result


def cases_of(namespace: dict) -> list[tuple[str, object]]:
    """The `test_*` functions of a namespace, in the order they were written."""
    return [(n, f) for n, f in namespace.items() if n.startswith("test_") and callable(f)]


def run(reader_source: str, cases_source: str) -> dict:
    """Compile and run the reader's code, then every case; never raises."""
    namespace: dict = {"__name__": "solution"}
    try:
        code = compile(reader_source, READER_FILE, "exec")
    except SyntaxError as err:
        return {"error": _error("syntax", err, err.lineno), "cases": []}
    try:
        exec(code, namespace)
    except Exception as err:
        return {"error": _error("exception", err, _reader_line(sys.exc_info()[2])), "cases": []}
    namespace.update(expect_close=expect_close, expect_equal=expect_equal)
    exec(compile(cases_source, "cases.py", "exec"), namespace)
    return {"error": None, "cases": [_case(n, f) for n, f in cases_of(namespace)]}


def passed(report: dict) -> bool:
    """Every case ran and passed."""
    return (
        report["error"] is None and bool(report["cases"]) and all(c["ok"] for c in report["cases"])
    )
