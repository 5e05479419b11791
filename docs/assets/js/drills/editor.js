// CodeMirror 6 for the workbench: replaces each plain editor (`textarea.drill-code`, made by
// bench.js) with a Python editor. bench.js loads this bundle on the reader's first hover, touch
// or focus on the editor (CodeMirror alone is larger than the rest of a drill page's scripts),
// so a reader who only reads never downloads it.
// The textarea stays (hidden) as the one place the code lives, which is all bench.js knows:
//   CodeMirror → textarea   every change: textarea.value, then an `input` event
//   textarea → CodeMirror   bench.js sets textarea.value and dispatches `drill:replace` on it
//   Ctrl/Cmd+Enter          a `drill:run` event on the textarea (bench.js runs the tests)
//   a new textarea          bench.js dispatches `drill:bench` on the document after mounting
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { pythonLanguage } from "@codemirror/lang-python";
import { bracketMatching, HighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { Compartment, EditorState, Prec } from "@codemirror/state";
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers } from "@codemirror/view";
import { tags as t } from "@lezer/highlight";

/** Material's code colours, so the editor follows the light (default) and dark (slate) scheme. */
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: "var(--md-code-hl-keyword-color)" },
  { tag: [t.string, t.special(t.string), t.regexp], color: "var(--md-code-hl-string-color)" },
  { tag: [t.number, t.integer, t.float], color: "var(--md-code-hl-number-color)" },
  { tag: [t.bool, t.null, t.self, t.atom, t.standard(t.variableName)], color: "var(--md-code-hl-constant-color)" },
  { tag: [t.function(t.definition(t.variableName)), t.function(t.variableName), t.function(t.propertyName)], color: "var(--md-code-hl-function-color)" },
  { tag: [t.definition(t.className), t.className, t.typeName], color: "var(--md-code-hl-name-color)" },
  { tag: t.comment, color: "var(--md-code-hl-comment-color)", fontStyle: "italic" },
  { tag: [t.operator, t.compareOperator, t.arithmeticOperator, t.logicOperator, t.updateOperator], color: "var(--md-code-hl-operator-color)" },
  { tag: [t.punctuation, t.paren, t.brace, t.squareBracket, t.separator], color: "var(--md-code-hl-punctuation-color)" },
  { tag: [t.meta, t.annotation], color: "var(--md-code-hl-special-color)" },
  { tag: [t.propertyName, t.variableName], color: "var(--md-code-hl-variable-color, var(--md-code-fg-color))" },
]);

const theme = EditorView.theme({
  "&": { color: "var(--md-code-fg-color)", backgroundColor: "var(--md-code-bg-color)", fontSize: "0.85em" },
  ".cm-scroller": { fontFamily: "var(--md-code-font-family)", lineHeight: "1.5" },
  ".cm-content": { caretColor: "var(--md-code-fg-color)", padding: "0.6em 0" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--md-code-fg-color)" },
  ".cm-gutters": { backgroundColor: "var(--md-code-bg-color)", color: "var(--md-default-fg-color--light)", border: "none" },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "var(--md-default-fg-color--lightest)" },
  "&.cm-focused": { outline: "2px solid var(--md-accent-fg-color)", outlineOffset: "1px" },
});

const isDark = () => document.body.getAttribute("data-md-color-scheme") === "slate";
const views = new Set(); // { view, scheme: Compartment }

function followScheme() {
  for (const entry of views) {
    if (!entry.view.dom.isConnected) {
      views.delete(entry);
      entry.view.destroy();
      continue;
    }
    entry.view.dispatch({ effects: entry.scheme.reconfigure(EditorView.darkTheme.of(isDark())) });
  }
}

/** Replace one plain editor with CodeMirror (its selection and focus carry over). */
function upgrade(area) {
  area.dataset.drillEditor = "codemirror";
  const scheme = new Compartment();
  const signal = (type) => area.dispatchEvent(new Event(type, { bubbles: true }));
  const run = () => {
    signal("drill:run");
    return true;
  };
  const attributes = { "aria-label": area.getAttribute("aria-label") ?? "代码编辑器" };
  if (area.hasAttribute("aria-describedby")) attributes["aria-describedby"] = area.getAttribute("aria-describedby");
  const focused = document.activeElement === area;
  const state = EditorState.create({
    doc: area.value,
    selection: { anchor: Math.min(area.selectionStart, area.value.length), head: Math.min(area.selectionEnd, area.value.length) },
    extensions: [
      Prec.highest(keymap.of([{ key: "Mod-Enter", run }])),
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      indentOnInput(),
      bracketMatching(),
      highlightActiveLine(),
      EditorState.tabSize.of(4),
      indentUnit.of("    "),
      pythonLanguage,
      syntaxHighlighting(highlight),
      keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap]),
      theme,
      scheme.of(EditorView.darkTheme.of(isDark())),
      EditorView.contentAttributes.of(attributes),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        area.value = update.state.doc.toString();
        signal("input");
      }),
    ],
  });
  const view = new EditorView({ state });
  area.after(view.dom);
  area.hidden = true;
  area.addEventListener("drill:replace", () => {
    if (area.value === view.state.doc.toString()) return;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: area.value } });
  });
  area.addEventListener("drill:focus", () => view.focus());
  views.add({ view, scheme });
  if (focused) view.focus();
}

/** Upgrade every plain editor on the page that is not upgraded yet. Waits out an IME composition,
 * and on a touch screen the reader's focus (moving it there could close the on-screen keyboard). */
function upgradeAll() {
  for (const area of document.querySelectorAll("textarea.drill-code:not([data-drill-editor])")) {
    if (area.dataset.composing === "true") {
      area.addEventListener("compositionend", () => setTimeout(upgradeAll), { once: true });
    } else if (area.dataset.touch === "true" && document.activeElement === area) {
      area.addEventListener("blur", () => setTimeout(upgradeAll), { once: true });
    } else {
      upgrade(area);
    }
  }
}

new MutationObserver(followScheme).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
document.addEventListener("drill:bench", upgradeAll);
upgradeAll();
