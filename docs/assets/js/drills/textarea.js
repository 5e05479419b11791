// The workbench's first editor: a plain <textarea> that already indents like a code editor, so the
// page works before (or without) CodeMirror (editor.js), which replaces it on the reader's first
// hover, touch or focus. The edits are pure functions of (text, selection) for the Node tests.

export const INDENT = "    ";

const lineStart = (text, pos) => text.lastIndexOf("\n", pos - 1) + 1;

/**
 * Tab (or Shift+Tab with `outdent`) on text with the selection [start, end): without a selection
 * Tab inserts spaces up to the next multiple of four; otherwise every touched line moves by one
 * indent. Returns { from, to, insert, start, end }: replace [from, to) with insert, then select.
 */
export function indentEdit(text, start, end, outdent = false) {
  if (!outdent && start === end) {
    const column = start - lineStart(text, start);
    const insert = " ".repeat(INDENT.length - (column % INDENT.length));
    return { from: start, to: end, insert, start: start + insert.length, end: start + insert.length };
  }
  const from = lineStart(text, start);
  const lastEnd = end > start && text[end - 1] === "\n" ? end - 1 : end;
  const nl = text.indexOf("\n", lastEnd);
  const to = nl === -1 ? text.length : nl;
  const lines = text.slice(from, to).split("\n");
  let shiftFirst = 0;
  let shiftAll = 0;
  const moved = lines.map((line, i) => {
    if (outdent) {
      const cut = line.match(/^ {0,4}/)[0].length;
      if (i === 0) shiftFirst = -Math.min(cut, start - from);
      shiftAll -= cut;
      return line.slice(cut);
    }
    if (line === "" && lines.length > 1) return line;
    if (i === 0 && start > from) shiftFirst = INDENT.length;
    shiftAll += INDENT.length;
    return INDENT + line;
  });
  const insert = moved.join("\n");
  return { from, to, insert, start: Math.max(from, start + shiftFirst), end: Math.max(from, end + shiftAll) };
}

/** Enter: a new line with the current line's indentation, one level more after a trailing colon. */
export function newlineEdit(text, start, end) {
  const from = lineStart(text, start);
  const before = text.slice(from, start);
  let indent = before.match(/^[ \t]*/)[0];
  if (/:\s*(#.*)?$/.test(before)) indent += INDENT;
  const insert = `\n${indent}`;
  return { from: start, to: end, insert, start: start + insert.length, end: start + insert.length };
}

/** Wire the keys of `area`: Tab/Shift+Tab indent (Esc then Tab leaves), Enter keeps indentation,
 * Ctrl/Cmd+Enter calls `run`. */
export function bindTextarea(area, run) {
  let escaped = false;
  area.addEventListener("keydown", (event) => {
    if (event.isComposing) return;
    if (event.key === "Escape") {
      escaped = true;
      return;
    }
    const wasEscaped = escaped;
    escaped = false;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    } else if (event.key === "Tab" && !wasEscaped && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      apply(area, indentEdit(area.value, area.selectionStart, area.selectionEnd, event.shiftKey));
    } else if (event.key === "Enter" && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      apply(area, newlineEdit(area.value, area.selectionStart, area.selectionEnd));
    }
  });
}

/** Apply an edit so that the browser's own undo still works where it can (insertText). */
function apply(area, edit) {
  area.setSelectionRange(edit.from, edit.to);
  const viaUndoStack = edit.insert !== "" && document.execCommand?.("insertText", false, edit.insert);
  if (!viaUndoStack) {
    area.setRangeText(edit.insert, edit.from, edit.to, "end");
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }
  area.setSelectionRange(edit.start, edit.end);
}
