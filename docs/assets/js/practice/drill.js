// The 练习 page: choose topics, levels and a mode, drill one question at a time, grade it, see what is due.
import { h, progressBar, typingInto } from "./dom.js";
import { counts } from "./levels.js";
import { AGAIN, dueIds, GOOD, grade, HARD, missedIds, tally } from "./schedule.js";
import { choiceFromQuery, chosenEntries, queue } from "./session.js";
import { read, update } from "./store.js";

const GRADES = [
  [AGAIN, "不会"],
  [HARD, "模糊"],
  [GOOD, "掌握"],
];

/** Mount the drill into `root` (#practice), taking over the setup form the build wrote there
 * (src/llm_interview/practice/setup.py). `app` gives storage, clock, answer(id) (a promise of the
 * answer's HTML, its formulas already MathML), fetchAnswers() (called as a session starts, so the
 * answers are on their way before the first is asked for) and the page's notices; `bank` lists
 * topics and entries. Returns the view's hooks for the page: refresh() and key(event). */
export function mountDrill(root, app, bank) {
  const byId = new Map(bank.entries.map((e) => [e.id, e]));
  const topicTitle = new Map(bank.topics.map((t) => [t.slug, t.title]));
  const run = { ids: [], at: 0, phase: "setup", counts: {} };

  const setup = root.querySelector(".practice-setup");
  const dueCount = setup.querySelector(".practice-due__count");
  const all = setup.querySelector(".practice-topic--all input");
  const topicBoxes = [...setup.querySelectorAll(".practice-topic input[value]")].map((input) => ({ slug: input.value, input, progress: input.closest("label").querySelector(".practice-progress") }));
  const levelBoxes = [...setup.querySelectorAll(".practice-level input")].map((input) => ({ level: input.value, input, count: input.closest("label").querySelector(".practice-level__count") }));
  const modeInputs = [...setup.querySelectorAll('input[name="practice-mode"]')];
  const startButton = setup.querySelector(".practice-start");
  const empty = setup.querySelector(".practice-empty");
  startButton.addEventListener("click", start);

  // The address's choice (or none), whatever state the browser restored the form to.
  const choice = choiceFromQuery(
    location.search,
    topicBoxes.map((b) => b.slug),
  );
  for (const b of topicBoxes) b.input.checked = choice.topics.includes(b.slug);
  all.checked = choice.topics.length === 0;
  for (const b of levelBoxes) b.input.checked = choice.levels.includes(b.level);
  for (const input of modeInputs) input.checked = input.value === choice.mode;

  const meta = h("span", { class: "practice-meta__where" });
  const question = h("h2", { class: "practice-question", tabindex: "-1" });
  const revealButton = h("button", { class: "md-button md-button--primary practice-reveal", type: "button", onclick: reveal }, "显示答案 ", h("kbd", {}, "空格"));
  const answerBody = h("div", { class: "qa-answer practice-answer__body" });
  const entryLine = h("p", {}); // the link to the entry, made with its address when an answer shows
  const answer = h("div", { class: "practice-answer", tabindex: "-1", hidden: true }, answerBody, entryLine);
  const grades = h(
    "div",
    { class: "practice-grades", role: "group", "aria-label": "自评", hidden: true },
    ...GRADES.map(([value, label]) =>
      h(
        "button",
        { class: `md-button practice-grade practice-grade--${value}`, type: "button", dataset: { grade: String(value) }, onclick: () => gradeCurrent(value) },
        label,
        " ",
        h("kbd", {}, String(value)),
      ),
    ),
  );
  const card = h(
    "section",
    { class: "practice-card", "aria-label": "练习", hidden: true },
    h("p", { class: "practice-meta" }, meta, h("button", { class: "practice-stop", type: "button", onclick: stop }, "结束练习")),
    question,
    revealButton,
    answer,
    grades,
  );

  const summary = h("p", { class: "practice-summary", role: "status" });
  const done = h(
    "section",
    { class: "practice-done", hidden: true, "aria-label": "本轮结果" },
    summary,
    h("button", { class: "md-button md-button--primary", type: "button", onclick: stop }, "再练一轮"),
  );

  root.append(card, done);
  all.addEventListener("change", () => {
    for (const b of topicBoxes) b.input.checked = false;
    all.checked = true;
    refresh();
  });
  for (const b of topicBoxes) {
    b.input.addEventListener("change", () => {
      all.checked = !topicBoxes.some((x) => x.input.checked);
      refresh();
    });
  }
  for (const input of modeInputs) input.addEventListener("change", refresh);
  for (const b of levelBoxes) b.input.addEventListener("change", refresh);

  function chosen() {
    const topics = topicBoxes.filter((b) => b.input.checked).map((b) => b.slug);
    const levels = levelBoxes.filter((b) => b.input.checked).map((b) => b.level);
    const mode = modeInputs.find((i) => i.checked).value;
    return { topics, levels, mode };
  }

  function records() {
    const stored = read(app.storage);
    return stored.corrupt ? null : stored.state.entries;
  }

  function refresh() {
    const recs = records() || {};
    const ids = bank.entries.map((e) => e.id);
    const today = app.today();
    dueCount.textContent = String(dueIds(ids, recs, today).length);
    for (const b of topicBoxes) {
      const topicIds = bank.entries.filter((e) => e.topic === b.slug).map((e) => e.id);
      b.progress.replaceChildren(progressBar(tally(topicIds, recs)));
    }
    setup.querySelector("[data-all]").replaceChildren(progressBar(tally(ids, recs)));
    const { topics, levels } = chosen();
    const inTopics = chosenEntries(bank.entries, { topics });
    const perLevel = counts(inTopics.map((e) => e.level));
    for (const b of levelBoxes) b.count.textContent = `（${perLevel[b.level]}）`;
    const inChosen = chosenEntries(bank.entries, { topics, levels }).map((e) => e.id);
    setup.querySelector(".practice-mode__due").textContent = `（${dueIds(inChosen, recs, today).length}）`;
    empty.textContent = "";
    app.renderMissed(missedIds(ids, recs).map((id) => byId.get(id)));
  }

  function start() {
    const recs = records();
    if (recs === null) {
      empty.textContent = "进度数据读不出来，先按页面顶部的提示处理，再开始练习。";
      return;
    }
    const picked = chosen();
    run.ids = queue(bank.entries, picked, recs, app.today());
    if (run.ids.length === 0) {
      empty.textContent = picked.mode === "due" ? "所选主题和级别今天没有待复习的题。换个方式，或者明天再来。" : "所选主题和级别下没有题。";
      return;
    }
    app.fetchAnswers();
    run.at = 0;
    run.counts = { [AGAIN]: 0, [HARD]: 0, [GOOD]: 0 };
    setup.hidden = true;
    done.hidden = true;
    card.hidden = false;
    show();
  }

  function show() {
    const entry = byId.get(run.ids[run.at]);
    run.phase = "question";
    const level = entry.level ? ` · ${entry.level}` : "";
    meta.textContent = `${topicTitle.get(entry.topic)}${level} · 第 ${run.at + 1} / ${run.ids.length} 题`;
    question.textContent = entry.title;
    answer.hidden = true;
    grades.hidden = true;
    revealButton.hidden = false;
    answerBody.replaceChildren();
    question.focus({ preventScroll: true });
    if (card.getBoundingClientRect().top < 0) card.scrollIntoView({ block: "start" });
  }

  async function reveal() {
    if (run.phase !== "question") return;
    const entry = byId.get(run.ids[run.at]);
    run.phase = "loading";
    revealButton.disabled = true;
    try {
      answerBody.innerHTML = await app.answer(entry.id);
    } catch (err) {
      answerBody.replaceChildren(h("p", {}, `答案没有载入（${err.message}）。可以打开下面的完整条目，或检查网络后刷新页面。`));
    }
    revealButton.disabled = false;
    for (const link of answerBody.querySelectorAll("a[href]")) {
      link.href = new URL(link.getAttribute("href"), app.root).href;
    }
    entryLine.replaceChildren(h("a", { class: "practice-answer__link", href: new URL(entry.url, app.root).href }, "在主题页查看完整条目（原始回答、相关问题）"));
    run.phase = "answer";
    revealButton.hidden = true;
    answer.hidden = false;
    grades.hidden = false;
    answer.focus({ preventScroll: true });
  }

  function gradeCurrent(value) {
    if (run.phase !== "answer") return;
    const id = run.ids[run.at];
    const now = app.now();
    const result = update(app.storage, (s) => ({ ...s, entries: { ...s.entries, [id]: grade(s.entries[id], value, app.today(), now) } }));
    if (result.corrupt) return app.showCorrupt(result.corrupt, result.raw);
    if (result.failed) app.say(result.failed);
    run.counts[value] += 1;
    run.at += 1;
    refresh();
    if (run.at < run.ids.length) return show();
    run.phase = "done";
    card.hidden = true;
    done.hidden = false;
    summary.textContent = `本轮 ${run.ids.length} 题：不会 ${run.counts[AGAIN]}，模糊 ${run.counts[HARD]}，掌握 ${run.counts[GOOD]}。今天还有 ${dueCount.textContent} 题待复习。`;
    summary.focus?.();
  }

  function stop() {
    run.phase = "setup";
    card.hidden = true;
    done.hidden = true;
    setup.hidden = false;
    refresh();
    startButton.focus({ preventScroll: true });
  }

  function key(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typingInto(event.target)) return;
    if (event.key === " " && run.phase === "question") {
      if (event.target.closest("button, a, summary")) return; // a focused control answers space itself
      event.preventDefault();
      reveal();
    } else if (["1", "2", "3"].includes(event.key) && run.phase === "answer") {
      event.preventDefault();
      gradeCurrent(Number(event.key));
    }
  }

  refresh();
  return { refresh, key };
}
