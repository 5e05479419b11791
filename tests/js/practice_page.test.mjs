// The 练习 page (docs/assets/js/practice/page.js and drill.js) in a DOM: the drill, the levels and
// modes, the 错题本, unreadable progress, export and import.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { beforeEach, test } from "node:test";

import { downloads, load, memoryStorage, openPage, press, SITE, settle } from "./page.mjs";

process.env.TZ = "Asia/Shanghai"; // the reader's calendar day is Beijing's, as in the browser tests
const { localDay } = await import("../../docs/assets/js/practice/schedule.js");
const { KEY, APP } = await import("../../docs/assets/js/practice/store.js");

// The bank and the setup form the build writes for it (src/llm_interview/practice/setup.py;
// tests/test_practice_units.py checks the form is what the build writes).
const FIXTURES = new URL("fixtures/", import.meta.url);
const BANK = JSON.parse(readFileSync(new URL("practice_bank.json", FIXTURES), "utf-8"));
const SETUP = readFileSync(new URL("practice_setup.html", FIXTURES), "utf-8");
const BODY = `<article class="md-content__inner"><div id="practice" class="practice">${SETUP}</div>
  <h2 id="missed">错题本</h2><div id="practice-missed"></div><h2 id="data">保存与备份</h2><div id="practice-data"></div></article>`;
const DAY_ONE = Date.UTC(2026, 11, 1, 1, 0); // 2026-12-01 09:00 in Beijing

let page;
let clock;
let storage;
let answersFetched; // how often the drill asked for the answers to be fetched

/** Open the practice page at `query` and mount it as main.js does. */
async function practice(query = "") {
  const window = openPage({ url: `${SITE}practice/${query}`, body: BODY });
  const { mountPracticePage } = await load("practice/page.js");
  const app = {
    root: new URL(SITE),
    storage,
    now: () => clock,
    today: () => localDay(clock),
    fetchAnswers: () => (answersFetched += 1),
    answer: async (id) => `<p>${id} 的参考答案，见 <a href="rl/basics/#ppo">PPO</a>，<span class="arithmatex"><math><mi>x</mi></math></span>。</p>`,
  };
  const view = mountPracticePage(window.document, app, BANK);
  window.document.addEventListener("keydown", (event) => view.key(event));
  page = { window, view, $: (s) => window.document.querySelector(s), $$: (s) => [...window.document.querySelectorAll(s)] };
  return page;
}

const stored = () => JSON.parse(storage.getItem(KEY));
const state = (entries) => ({ app: APP, version: 1, entries, prefs: { hideMastered: false } });
const record = (fields = {}) => ({ box: 1, due: "2026-12-01", last: 1, grade: 2, reviews: 1, lapses: 0, ...fields });
const shown = (selector) => !page.$(selector).closest("[hidden]");

function start() {
  page.$(".practice-start").click();
}

/** Space shows the answer (pressed where the focus is, as a reader would); a digit grades it. */
async function answerAndGrade(digit) {
  press(" ", page.window.document.activeElement);
  await settle();
  assert.ok(shown(".practice-grades"), "the grades show with the answer");
  press(digit, page.window.document.activeElement);
}

beforeEach(() => {
  clock = DAY_ONE;
  storage = memoryStorage();
  answersFetched = 0;
});

test("the form the build wrote is taken over as it is: the address's choice set, no element added before it", async () => {
  await practice("?topics=inference&level=进阶&mode=random");
  const setup = page.$(".practice-setup");
  assert.equal(page.$("#practice").firstElementChild, setup);
  assert.deepEqual(
    page.$$(".practice-topic input").map((i) => i.checked),
    [false, false, true],
  );
  assert.deepEqual(
    page.$$(".practice-level input").map((i) => i.checked),
    [false, true, false],
  );
  assert.equal(page.$("input[name=practice-mode]:checked").value, "random");
  assert.equal(page.$(".practice-level input[value='基础'] ~ .practice-level__count").textContent, "（1）", "counts of the chosen topics");
  assert.equal(page.$(".practice-mode__due").textContent, "（0）");
  await practice();
  assert.equal(page.$(".practice-topic--all input").checked, true);
  assert.equal(page.$("input[name=practice-mode]:checked").value, "order");
});

test("the progress the build drew for a new reader is the bar the script draws", async () => {
  const { progressBar } = await load("practice/dom.js");
  const drawn = (el) => ({
    label: el.querySelector(".practice-bar").getAttribute("aria-label"),
    legend: el.querySelector(".practice-legend").textContent,
    grow: [...el.querySelectorAll(".practice-bar > span")].map((s) => [s.className, s.style.flexGrow]),
  });
  openPage({ body: `<div id="practice">${SETUP}</div>` });
  const built = drawn(document.querySelector(".practice-topic input[value=rl]").closest("label"));
  assert.deepEqual(built, drawn(progressBar({ mastered: 0, learning: 0, new: 3 })));
});

test("the answers are fetched as a session starts, not with the page", async () => {
  await practice("?topics=rl");
  assert.equal(answersFetched, 0);
  start();
  assert.equal(answersFetched, 1);
  await practice("?topics=inference&level=前沿");
  start();
  assert.equal(answersFetched, 1, "not when the choice has no questions");
});

test("the keyboard drills a topic: space shows the answer, 1 2 3 grade it, the next one follows", async () => {
  await practice("?topics=rl");
  assert.equal(page.$("input[value=rl]").checked, true);
  assert.equal(page.$(".practice-topic--all input").checked, false);
  start();
  const ids = ["ppo", "dpo", "grpo"];
  for (const [n, digit] of ["1", "2", "3"].entries()) {
    const entry = BANK.entries[n];
    assert.equal(page.$(".practice-meta__where").textContent, `强化学习 · ${entry.level} · 第 ${n + 1} / 3 题`);
    assert.equal(page.$(".practice-question").textContent, entry.title);
    assert.equal(page.window.document.activeElement, page.$(".practice-question"));
    assert.ok(!shown(".practice-answer"), "the answer waits for the reader");
    press(" ", page.window.document.activeElement);
    await settle();
    assert.ok(shown(".practice-answer") && !shown(".practice-reveal"));
    assert.match(page.$(".practice-answer__body").textContent, new RegExp(`^${entry.id} 的参考答案`));
    assert.equal(page.$(".practice-answer__body a").href, `${SITE}rl/basics/#ppo`, "links are rooted at the site");
    assert.equal(page.$(".practice-answer__link").href, `${SITE}${entry.url}`);
    assert.ok(page.$(".practice-answer__body .arithmatex > math"), "the answer's formulas arrive as MathML, shown as they are");
    press(digit, page.window.document.activeElement);
  }
  const entries = stored().entries;
  assert.deepEqual(
    ids.map((id) => entries[id].grade),
    [1, 2, 3],
  );
  assert.ok(shown(".practice-done") && !shown(".practice-card"));
  assert.equal(page.$(".practice-summary").textContent, "本轮 3 题：不会 1，模糊 1，掌握 1。今天还有 1 题待复习。");
  assert.equal(page.$(".practice-due__count").textContent, "1");
});

test("keys pressed in a field, with a modifier or on a focused button are not the drill's", async () => {
  await practice("?topics=inference");
  start();
  const stop = page.$(".practice-stop");
  press(" ", stop);
  press("3", page.$("input[value=rl]"));
  const withCtrl = new page.window.KeyboardEvent("keydown", { key: " ", ctrlKey: true, bubbles: true, cancelable: true });
  page.$(".practice-question").dispatchEvent(withCtrl);
  await settle();
  assert.ok(!shown(".practice-answer") && !withCtrl.defaultPrevented);
  assert.ok(press(" ", page.$(".practice-question")).defaultPrevented, "space on the question is the drill's");
  await settle();
  assert.ok(shown(".practice-answer"));
  press("2", page.$("input[value=rl]"));
  assert.equal(storage.getItem(KEY), null, "a digit typed into a field grades nothing");
});

test("?level=基础 chooses the level, and the drill asks every basic question and no other", async () => {
  await practice("?level=基础");
  assert.equal(page.$(".practice-level input[value='基础']").checked, true);
  assert.equal(page.$(".practice-level input[value='前沿']").checked, false);
  assert.equal(page.$(".practice-level input[value='基础'] ~ .practice-level__count").textContent, "（2）");
  start();
  const basics = BANK.entries.filter((e) => e.level === "基础");
  for (const [n, entry] of basics.entries()) {
    assert.match(page.$(".practice-meta__where").textContent, new RegExp(` · 基础 · 第 ${n + 1} / 2 题$`));
    assert.equal(page.$(".practice-question").textContent, entry.title);
    await answerAndGrade("3");
  }
  assert.ok(shown(".practice-done"));
});

test("a choice with no questions says so instead of starting", async () => {
  await practice("?topics=inference&level=前沿");
  start();
  assert.equal(page.$(".practice-empty").textContent, "所选主题和级别下没有题。");
  assert.ok(!shown(".practice-card"));
  await practice("?topics=inference&mode=due");
  start();
  assert.match(page.$(".practice-empty").textContent, /今天没有待复习的题/);
});

test("只练待复习 asks exactly the due questions as the days pass, oldest due first", async () => {
  await practice("?topics=rl");
  start();
  for (const digit of "123") await answerAndGrade(digit); // 不会: due today; 模糊: tomorrow; 掌握: in 7 days
  const title = Object.fromEntries(BANK.entries.map((e) => [e.id, e.title]));

  async function dueDrill(at) {
    clock = at;
    await practice("?topics=rl&mode=due");
    assert.equal(page.$("input[value=due]").checked, true);
    const count = Number(page.$(".practice-due__count").textContent);
    if (count === 0) return [];
    start();
    const asked = [];
    for (let n = 0; n < count; n += 1) {
      asked.push(page.$(".practice-question").textContent);
      await answerAndGrade("2");
    }
    return asked;
  }

  const hours = (n) => DAY_ONE + n * 3600_000;
  assert.deepEqual(await dueDrill(hours(14) + 59 * 60_000), [title.ppo]); // 23:59 on day one
  // Graded 模糊 again at 23:59: ppo is due tomorrow, like dpo (graded earlier): oldest first.
  assert.deepEqual(await dueDrill(hours(24)), [title.dpo, title.ppo]);
  assert.deepEqual(await dueDrill(hours(25)), []);
  // Both were graded at 9:00 on day two, due on day three: bank order, then grpo.
  assert.deepEqual(await dueDrill(hours(24 * 7)), [title.ppo, title.dpo, title.grpo]);
});

test("the 错题本 lists the questions last graded 不会 or 模糊, linked to their pages", async () => {
  await practice();
  assert.match(page.$("#practice-missed").textContent, /还没有错题/);
  start();
  for (const digit of "123") await answerAndGrade(digit);
  const links = page.$$("#practice-missed li a");
  assert.deepEqual(
    links.map((a) => a.href),
    [`${SITE}rl/basics/#ppo`, `${SITE}rl/basics/#dpo`],
  );
  assert.equal(page.$("#practice-missed li").textContent, "PPO 是什么？ · 强化学习");
});

test("progress counts only the bank's questions; records of questions long gone stay stored", async () => {
  storage.setItem(KEY, JSON.stringify(state({ ppo: record({ box: 3 }), kv: record(), "an-entry-long-gone": record({ box: 5 }) })));
  await practice();
  assert.equal(page.$("[data-all] .practice-legend").textContent, "已掌握 1 · 学习中 0 · 未练 4");
  const rl = page.$("input[value=rl]").closest("label");
  assert.equal(rl.querySelector(".practice-legend").textContent, "已掌握 1 · 学习中 0 · 未练 2");
  assert.equal(rl.querySelector(".practice-bar").getAttribute("aria-label"), "已掌握 1 · 学习中 0 · 未练 2");
  start();
  await answerAndGrade("3");
  assert.ok("an-entry-long-gone" in stored().entries);
});

test("unreadable progress: the reason, no new progress, its raw text to download, reset on request", async () => {
  storage.setItem(KEY, "{half written");
  await practice();
  const alert = page.$(".practice-alert");
  assert.equal(alert.hidden, false);
  assert.match(alert.textContent, /练习进度读不出来.*不是合法的 JSON/s);
  start();
  assert.ok(!shown(".practice-card"));
  assert.match(page.$(".practice-empty").textContent, /先按页面顶部的提示处理/);
  page.$(".practice-export").click();
  assert.match(page.$(".practice-status").textContent, /无法导出/);
  const offered = downloads();
  [...alert.querySelectorAll("button")].find((b) => b.textContent === "下载原始数据").click();
  assert.deepEqual(await offered.all(), [{ name: "practice-backup-2026-12-01.txt", text: "{half written" }]);
  assert.equal(storage.getItem(KEY), "{half written", "nothing was overwritten");
  [...alert.querySelectorAll("button")].find((b) => b.textContent === "重置进度").click();
  assert.equal(alert.hidden, true);
  assert.equal(storage.getItem(KEY), null);
  start();
  assert.ok(shown(".practice-card"));
});

/** Pick `file` with the import button `selector`, as the file chooser would. */
async function choose(selector, name, text) {
  page.$(selector).click();
  const input = page.$("#practice-import-file");
  Object.defineProperty(input, "files", { value: [new File([text], name)], configurable: true });
  input.dispatchEvent(new page.window.Event("change"));
  await settle();
}

test("export, clear, import and replace gives back the same progress", async () => {
  await practice("?topics=rl");
  start();
  for (const digit of "321") await answerAndGrade(digit);
  const before = stored();
  const offered = downloads();
  page.$(".practice-export").click();
  const [file] = await offered.all();
  assert.equal(file.name, "llm-interview-progress-2026-12-01.json");
  assert.deepEqual(JSON.parse(file.text).entries, before.entries);
  assert.equal(page.$(".practice-status").textContent, "已导出 3 题的进度。");
  storage.removeItem(KEY);
  await practice();
  assert.equal(page.$(".practice-due__count").textContent, "0");
  await choose(".practice-import-replace", "progress.json", file.text);
  assert.match(page.$(".practice-status").textContent, /^已用 progress\.json 替换本机进度（3 题）/);
  assert.deepEqual(stored(), before);
  assert.equal(page.$(".practice-due__count").textContent, "1");
});

test("import and merge keeps the newer record of each question; 撤销 puts the old progress back", async () => {
  storage.setItem(KEY, JSON.stringify(state({ ppo: record({ box: 1, last: 10 }), dpo: record({ box: 1, last: 50 }) })));
  await practice();
  const other = state({ ppo: record({ box: 4, last: 20 }), dpo: record({ box: 5, last: 30 }), grpo: record({ last: 5 }) });
  await choose(".practice-import-merge", "other-device.json", JSON.stringify(other));
  assert.match(page.$(".practice-status").textContent, /合并 3 题/);
  const boxes = Object.fromEntries(Object.entries(stored().entries).map(([id, r]) => [id, r.box]));
  assert.deepEqual(boxes, { ppo: 4, dpo: 1, grpo: 1 });
  page.$(".practice-undo").click();
  assert.deepEqual(Object.keys(stored().entries), ["ppo", "dpo"]);
  assert.equal(page.$(".practice-status").textContent, "已撤销刚才的导入。");
});

for (const [content, reason] of [
  ["{not json", "不是合法的 JSON"],
  [JSON.stringify({ app: "another-site", version: 1, entries: {} }), "不是本站的练习进度"],
  [JSON.stringify(state({ "kv-cache": { box: 9 } })), 'entries["kv-cache"].box'],
]) {
  test(`a file that is not our progress (${reason}) is refused with the reason and changes nothing`, async () => {
    const before = JSON.stringify(state({ ppo: record() }));
    storage.setItem(KEY, before);
    await practice();
    for (const button of [".practice-import-replace", ".practice-import-merge"]) {
      await choose(button, "bad.json", content);
      const error = page.$(".practice-import-error");
      assert.equal(error.hidden, false);
      assert.ok(error.textContent.includes("没有导入 bad.json") && error.textContent.includes(reason), error.textContent);
      assert.equal(storage.getItem(KEY), before);
    }
  });
}

test("merging into unreadable progress is refused; replacing it is allowed", async () => {
  storage.setItem(KEY, "{half written");
  await practice();
  const good = JSON.stringify(state({ ppo: record() }));
  await choose(".practice-import-merge", "good.json", good);
  assert.match(page.$(".practice-import-error").textContent, /无法合并/);
  assert.equal(storage.getItem(KEY), "{half written");
  await choose(".practice-import-replace", "good.json", good);
  assert.equal(page.$(".practice-import-error").hidden, true);
  assert.equal(page.$(".practice-alert").hidden, true);
  assert.deepEqual(Object.keys(stored().entries), ["ppo"]);
});
