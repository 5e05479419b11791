// The practice marks on topic pages and the home page's progress (docs/assets/js/practice/topic.js)
// and the level filter on topic overviews (overview.js), in a DOM.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { beforeEach, test } from "node:test";

import { memoryStorage, openPage, SITE, style } from "./page.mjs";

const { mountHome, mountTopic, pageTopic } = await import("../../docs/assets/js/practice/topic.js");
const { mountOverview } = await import("../../docs/assets/js/practice/overview.js");
const { KEY, APP } = await import("../../docs/assets/js/practice/store.js");

const TOPIC_HEAD = '<meta name="llm-interview:topic" content="rl">';
// A topic page as the build writes it: rendered (topic_page.html), then given its practice controls
// (src/llm_interview/practice/marks.py; tests/test_practice_units.py checks this is what it writes).
const FIXTURES = new URL("fixtures/", import.meta.url);
const TOPIC_PAGE = readFileSync(new URL("topic_page_marked.html", FIXTURES), "utf-8");
const TODAY = "2026-12-01";

let storage;
let app;

beforeEach(() => {
  storage = memoryStorage();
  app = { root: new URL(SITE), storage, now: () => 1000, today: () => TODAY };
});

/** A topic page at `url`, with the practice controls mounted as main.js mounts them. */
function topicPage(url = `${SITE}rl/basics/`) {
  openPage({ url, head: TOPIC_HEAD, body: TOPIC_PAGE });
  const article = document.querySelector("article");
  return { article, view: mountTopic(article, app) };
}

const $ = (selector) => document.querySelector(selector);
const $$ = (selector) => [...document.querySelectorAll(selector)];
const button = (id, label) => [...$(`h2#${id} + .practice-mark`).querySelectorAll("button")].find((b) => b.textContent === label);
const stored = () => JSON.parse(storage.getItem(KEY));
const state = (entries, hideMastered = false) => JSON.stringify({ app: APP, version: 1, entries, prefs: { hideMastered } });

test("the page's topic is the one the build wrote into its head, not a guess from the address", () => {
  openPage({ url: `${SITE}rl/basics/`, body: TOPIC_PAGE });
  assert.equal(pageTopic(document), "");
  openPage({ url: `${SITE}print/`, head: TOPIC_HEAD });
  assert.equal(pageTopic(document), "rl");
});

test("each question with a 参考答案 gets 待复习 and 已掌握 under its title, and the topic a toolbar", () => {
  const { view } = topicPage();
  assert.ok(view);
  assert.equal(document.querySelectorAll("button, .practice-toolbar, .practice-state").length, 10, "the build's controls; the script adds none");
  assert.deepEqual(
    $$(".practice-mark").map((m) => m.previousElementSibling.id),
    ["ppo", "dpo", "grpo"],
  );
  assert.equal($("h2#ppo + .practice-mark").getAttribute("aria-label"), "练习状态：PPO 是什么？");
  assert.equal($(".practice-toolbar").nextElementSibling.id, "ppo", "the toolbar stands above the first question");
  const links = $$(".practice-toolbar a").map((a) => [a.textContent, a.href]);
  assert.deepEqual(links, [
    ["练习本主题", `${SITE}practice/?topics=rl`],
    ["只练待复习（0）", `${SITE}practice/?topics=rl&mode=due`],
  ]);
  assert.equal($("h2#ppo .practice-state").hidden, true, "a new question has no badge");
  assert.equal($(".practice-toolbar .practice-legend").textContent, "已掌握 0 · 学习中 0 · 未练 3");
});

test("the controls keep their place but do not show until Material's script has run", async () => {
  for (const [start, hidden] of [
    ["no-js", true], // as Material's page starts
    ["js", false], // once its script runs
  ]) {
    topicPage();
    document.documentElement.className = start;
    await style("practice.css");
    for (const el of [$(".practice-toolbar"), $(".practice-mark")]) assert.equal(getComputedStyle(el).visibility === "hidden", hidden, start);
  }
});

test("已掌握 and 待复习 set the badge, the pressed button, the counts and the stored record", () => {
  topicPage();
  button("ppo", "已掌握").click();
  assert.equal($("h2#ppo .practice-state").textContent, "已掌握");
  assert.equal($("h2#ppo .practice-state").hidden, false);
  assert.equal(button("ppo", "已掌握").getAttribute("aria-pressed"), "true");
  assert.equal(button("ppo", "待复习").getAttribute("aria-pressed"), "false");
  button("dpo", "待复习").click();
  assert.equal($("h2#dpo .practice-state").textContent, "待复习");
  assert.equal($(".practice-toolbar__due").textContent, "只练待复习（1）");
  assert.equal($(".practice-toolbar .practice-legend").textContent, "已掌握 1 · 学习中 1 · 未练 1");
  const { ppo, dpo } = stored().entries;
  assert.equal(ppo.box, 3);
  assert.deepEqual([dpo.box, dpo.due], [1, TODAY]);
});

test("hiding mastered questions hides each one whole, is remembered, and spares the one linked to", async () => {
  topicPage();
  await style("practice.css");
  button("ppo", "已掌握").click();
  $(".practice-filter").click();
  const display = (el) => getComputedStyle(el).display;
  const ppo = [$("h2#ppo")];
  for (let el = ppo[0].nextElementSibling; el.tagName !== "H2"; el = el.nextElementSibling) ppo.push(el);
  assert.deepEqual(
    ppo.map((el) => `${el.tagName}.${el.classList[0] ?? ""} ${display(el)}`),
    ["H2.qa-question none", "DIV.practice-mark none", "P.qa-tags none", "DIV.qa-answer none", "DETAILS.quote none"],
    "title, marks, tags, answer and original answer are hidden together",
  );
  assert.notEqual(display($("h2#dpo")), "none");
  assert.equal($(".practice-hidden-note").textContent, "（已隐藏 1 题）");
  assert.equal(stored().prefs.hideMastered, true);

  topicPage(); // a reload
  await style("practice.css");
  assert.equal($(".practice-filter").checked, true);
  assert.equal(display($("h2#ppo")), "none");
  $(".practice-filter").click();
  assert.notEqual(display($("h2#ppo")), "none");
  assert.equal($(".practice-hidden-note").textContent, "");

  $(".practice-filter").click();
  topicPage(`${SITE}rl/basics/#ppo`);
  assert.equal($("h2#ppo").classList.contains("practice-concealed"), false, "the question linked to stays");
  assert.equal($(".practice-hidden-note").textContent, "（已隐藏 0 题）");
});

test("another tab's change shows after refresh()", () => {
  const { view } = topicPage();
  storage.setItem(KEY, state({ grpo: { box: 4, due: "2026-12-20", last: 5, grade: 3, reviews: 2, lapses: 0 } }));
  view.refresh();
  assert.equal($("h2#grpo .practice-state").textContent, "已掌握");
});

test("unreadable progress: the topic page says so, links to the practice page and touches nothing", () => {
  storage.setItem(KEY, "{half written");
  topicPage();
  const notice = $(".practice-toolbar__notice");
  assert.equal(notice.hidden, false);
  assert.match(notice.textContent, /读不出来/);
  assert.equal(notice.querySelector("a").href, `${SITE}practice/`);
  assert.ok($$(".practice-mark__button").every((b) => b.disabled));
  assert.equal($(".practice-filter").disabled, true);
  assert.equal(storage.getItem(KEY), "{half written");
});

test("in the offline copy the notice links to practice.html, the address the build wrote", () => {
  storage.setItem(KEY, "{half written");
  const root = "file:///copy/llm-interview-zh/";
  app.root = new URL(root);
  openPage({ url: `${root}rl/basics.html`, head: TOPIC_HEAD, body: TOPIC_PAGE, practice: "practice.html" });
  mountTopic($("article"), app);
  assert.equal($(".practice-toolbar__notice a").href, `${root}practice.html`);
});

test("a page without questions gets no practice controls", () => {
  openPage({ url: `${SITE}rl/`, head: TOPIC_HEAD, body: '<article class="md-content__inner"><h1>强化学习</h1><h2 id="x">总览</h2></article>' });
  assert.equal(mountTopic($("article"), app), null);
  assert.equal($(".practice-toolbar"), null);
});

const HOME = `<article class="md-content__inner"><div class="topic-cards"><ul>
  <li><a href="architecture/">模型架构</a><span class="practice-progress" data-ids="mha rope norm moe"></span></li>
  <li><a href="rl/">强化学习</a><span class="practice-progress" data-ids="ppo dpo"></span></li></ul></div></article>`;
const record = (box) => ({ box, due: TODAY, last: 1, grade: 2, reviews: 1, lapses: 0 });

test("the home page's cards show each topic's progress from its ids; unknown ids count nowhere", () => {
  storage.setItem(KEY, state({ mha: record(3), rope: record(1), "an-entry-long-gone": record(5) }));
  openPage({ body: HOME });
  const view = mountHome($("article"), app);
  const legends = $$(".practice-legend").map((l) => l.textContent);
  assert.deepEqual(legends, ["已掌握 1 · 学习中 1 · 未练 2", "已掌握 0 · 学习中 0 · 未练 2"]);
  assert.equal($(".practice-bar").getAttribute("aria-label"), legends[0]);
  assert.deepEqual(
    [...$(".practice-bar").children].map((s) => [s.className, s.style.flexGrow]),
    [
      ["practice-bar__mastered", "1"],
      ["practice-bar__learning", "1"],
      ["practice-bar__new", "2"],
    ],
  );
  storage.setItem(KEY, "{half written");
  view.refresh();
  assert.match($(".practice-progress").textContent, /读不出来/);
  assert.equal($(".practice-progress a").href, `${SITE}practice/`);
  openPage({ body: TOPIC_PAGE });
  assert.equal(mountHome($("article"), app), null);
});

const OVERVIEW = `<article class="md-content__inner"><div class="qa-overview" data-topic="rl">
  <p>基础</p><ul>
    <li><a href="basics/#ppo">PPO 是什么？</a> <span class="qa-level" data-level="基础">基础</span></li>
    <li><a href="basics/#dpo">DPO 与 PPO 有何不同？</a> <span class="qa-level" data-level="进阶">进阶</span></li></ul>
  <p>前沿</p><ul>
    <li><a href="advanced/#grpo">GRPO 怎样省掉价值网络？</a> <span class="qa-level" data-level="前沿">前沿</span></li>
    <li><a href="advanced/#rlvr">RLVR 是什么？</a> <span class="qa-level" data-level="前沿">前沿</span></li></ul></div></article>`;

test("an overview's level filter shows one level, keeps it in the address and links to practising it", () => {
  openPage({ url: `${SITE}rl/`, body: OVERVIEW });
  mountOverview($("article"), app);
  const choices = $$(".qa-level-filter__choice").map((c) => c.textContent);
  assert.deepEqual(choices, ["全部 4", "基础 1", "进阶 1", "前沿 2"]);
  const visible = () => $$(".qa-overview li").filter((li) => !li.hidden && !li.parentElement.hidden);
  assert.equal(visible().length, 4);
  const link = $(".practice-toolbar__level");
  assert.deepEqual([link.textContent, link.href], ["练习本主题", `${SITE}practice/?topics=rl`]);

  $(".qa-level-filter input[value='基础']").click();
  assert.deepEqual(
    visible().map((li) => li.querySelector("a").textContent),
    ["PPO 是什么？"],
  );
  assert.deepEqual(
    $$(".qa-overview ul").map((ul) => ul.hidden),
    [false, true],
    "a list left empty is hidden",
  );
  assert.equal(location.href, `${SITE}rl/?level=%E5%9F%BA%E7%A1%80`);
  assert.deepEqual([link.textContent, link.href], ["练习本主题的基础题", `${SITE}practice/?topics=rl&level=%E5%9F%BA%E7%A1%80`]);
  assert.equal($(".qa-level-filter__status").textContent, "显示 1 / 4 题");

  $(".qa-level-filter input[value='']").click();
  assert.equal(visible().length, 4);
  assert.equal(location.href, `${SITE}rl/`);
});

test("an overview opened with ?level= starts filtered", () => {
  openPage({ url: `${SITE}rl/?level=前沿`, body: OVERVIEW });
  mountOverview($("article"), app);
  assert.equal($(".qa-level-filter input[value='前沿']").checked, true);
  assert.equal($$(".qa-overview li").filter((li) => !li.hidden).length, 2);
  assert.equal($(".practice-toolbar__level").href, `${SITE}practice/?topics=rl&level=%E5%89%8D%E6%B2%BF`);
});
