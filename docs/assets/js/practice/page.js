// The 练习 page around the drill: the notice for unreadable progress, the 错题本, export and import.
import { download, h } from "./dom.js";
import { mountDrill } from "./drill.js";
import { KEY, merge, parse, read, write } from "./store.js";

/** Mount everything on the practice page; `base` gives root, storage, clock, answer and
 * fetchAnswers (drill.js), `bank` the question index. */
export function mountPracticePage(doc, base, bank) {
  const alert = h("div", { class: "practice-alert admonition failure", role: "alert", hidden: true });
  const status = h("p", { class: "practice-status", role: "status", "aria-live": "polite" });
  const drillRoot = doc.getElementById("practice");
  drillRoot.before(alert);
  drillRoot.after(status);

  const app = {
    ...base,
    say(message, ...actions) {
      status.replaceChildren(message, ...actions);
    },
    showCorrupt,
    renderMissed,
  };

  function showCorrupt(reason, raw) {
    const backup = raw === null ? null : h("button", { class: "md-button", type: "button", onclick: () => download(`practice-backup-${app.today()}.txt`, raw, "text/plain") }, "下载原始数据");
    const reset = h("button", { class: "md-button md-button--primary", type: "button", onclick: resetProgress }, "重置进度");
    alert.replaceChildren(
      h("p", { class: "admonition-title" }, "练习进度读不出来"),
      h(
        "p",
        {},
        `本机保存的练习进度（localStorage 的 ${KEY}）有问题：${reason}。为了不覆盖它，在你处理之前不会保存新的进度。可以先下载原始数据留作备份，再重置进度从头开始；也可以在下方「保存与备份」里用以前导出的文件替换。`,
      ),
      h("p", { class: "practice-actions" }, backup, reset),
    );
    alert.hidden = false;
  }

  function resetProgress() {
    base.storage.removeItem(KEY);
    app.say("进度已重置，可以重新开始练习。");
    changed();
  }

  const missedList = doc.getElementById("practice-missed");
  function renderMissed(entries) {
    if (!missedList) return;
    if (entries.length === 0) {
      missedList.replaceChildren(h("p", {}, "还没有错题：练习时自评为「不会」或「模糊」的题会列在这里。"));
      return;
    }
    const topic = new Map(bank.topics.map((t) => [t.slug, t.title]));
    const items = entries.map((e) => h("li", {}, h("a", { href: new URL(e.url, base.root).href }, e.title), h("span", { class: "practice-missed__topic" }, ` · ${topic.get(e.topic)}`)));
    missedList.replaceChildren(h("p", {}, `共 ${entries.length} 题（最近一次自评为不会或模糊）：`), h("ol", {}, ...items));
  }

  const drill = mountDrill(drillRoot, app, bank);
  function changed() {
    const stored = read(base.storage);
    if (stored.corrupt) showCorrupt(stored.corrupt, stored.raw);
    else alert.hidden = true;
    drill.refresh();
  }
  mountData(doc.getElementById("practice-data"), app, changed);
  changed();
  return { key: drill.key, refresh: changed };
}

/** 「和 N 道手撕代码题的记录」 when the state has drill records (drafts, 已通过), else "". */
function drillsNote(state) {
  const n = Object.keys(state.drills ?? {}).length;
  return n ? `和 ${n} 道手撕代码题的记录` : "";
}

/** 导出进度 and 导入进度 (merge or replace); an import that fails changes nothing. The drill
 * records (drafts, 已通过) travel in the same file and merge per drill (store.js mergeDrill). */
function mountData(root, app, changed) {
  if (!root) return;
  const file = h("input", { type: "file", accept: ".json,application/json", hidden: true, id: "practice-import-file" });
  let mode = "merge";
  const pick = (m) => () => {
    mode = m;
    file.value = "";
    file.click();
  };
  file.addEventListener("change", () => file.files[0] && importFile(file.files[0], mode));
  root.replaceChildren(
    h(
      "p",
      { class: "practice-actions" },
      h("button", { class: "md-button md-button--primary practice-export", type: "button", onclick: exportProgress }, "导出进度"),
      h("button", { class: "md-button practice-import-merge", type: "button", onclick: pick("merge") }, "导入并合并"),
      h("button", { class: "md-button practice-import-replace", type: "button", onclick: pick("replace") }, "导入并替换"),
      file,
    ),
  );

  function exportProgress() {
    const stored = read(app.storage);
    if (stored.corrupt) return app.say("进度读不出来，无法导出；请先按页面顶部的提示处理。");
    const doc = { ...stored.state, exported: new Date(app.now()).toISOString() };
    download(`llm-interview-progress-${app.today()}.json`, JSON.stringify(doc, null, 1));
    app.say(`已导出 ${Object.keys(stored.state.entries).length} 题的进度${drillsNote(stored.state)}。`);
  }

  async function importFile(picked, how) {
    let incoming;
    try {
      incoming = parse(await picked.text());
    } catch (err) {
      app.say("");
      return fail(`没有导入 ${picked.name}：${err.message}。本机进度没有任何改动；请选择由本站「导出进度」生成的文件。`);
    }
    const before = app.storage.getItem(KEY);
    const current = read(app.storage);
    if (how === "merge" && current.corrupt) {
      return fail(`没有导入 ${picked.name}：本机进度读不出来，无法合并。可以选「导入并替换」，或先按页面顶部的提示处理。`);
    }
    const next = how === "merge" ? merge(current.state, incoming) : { ...incoming };
    const failed = write(app.storage, next);
    if (failed) return fail(failed);
    const count = Object.keys(incoming.entries).length;
    const undo = h("button", { class: "md-button practice-undo", type: "button", onclick: () => restore(before) }, "撤销");
    const drills = drillsNote(incoming);
    app.say(how === "merge" ? `已从 ${picked.name} 合并 ${count} 题的进度${drills}。` : `已用 ${picked.name} 替换本机进度（${count} 题${drills}）。`, " ", undo);
    clearFailure();
    changed();
  }

  function restore(raw) {
    if (raw === null) app.storage.removeItem(KEY);
    else app.storage.setItem(KEY, raw);
    app.say("已撤销刚才的导入。");
    changed();
  }

  const failure = h("div", { class: "practice-import-error admonition failure", role: "alert", hidden: true });
  root.append(failure);
  function fail(message) {
    failure.replaceChildren(h("p", { class: "admonition-title" }, "导入失败"), h("p", {}, message));
    failure.hidden = false;
  }
  function clearFailure() {
    failure.hidden = true;
  }
}
