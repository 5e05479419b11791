// docs/assets/js/practice/main.js in a DOM: what it mounts on each page Material shows (a load or
// an instant navigation), where the keyboard and other tabs' changes go, and the question bank.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import { documentStream, load, openPage, press, SITE, settle } from "./page.mjs";

const { KEY } = await import("../../docs/assets/js/practice/store.js");

const ROOT = SITE; // the site root, as site.js hands it to main.js
const HEAD = '<meta name="llm-interview:topic" content="rl">';
const TOPIC = `<article class="md-content__inner md-typeset"><h1>强化学习基础</h1>
  <h2 class="qa-question" id="ppo">PPO 是什么？</h2><div class="qa-answer"><p>……</p></div></article>`;
const PRACTICE = `<article class="md-content__inner"><div id="practice"></div><div id="practice-missed"></div></article>`;
const BANK = {
  topics: [{ slug: "rl", title: "强化学习", url: "rl/" }],
  entries: [{ id: "ppo", topic: "rl", level: "基础", title: "PPO 是什么？", url: "rl/basics/#ppo", answer: "<p>PPO 的参考答案</p>" }],
};
const INDEX = `<script type="application/json" id="practice-index">${JSON.stringify({ ...BANK, entries: BANK.entries.map(({ answer, ...e }) => e) })}</script>`;

const fetched = [];
const nodeFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = nodeFetch;
  fetched.length = 0;
});

/** Open `body` at `url`, load main.js into it and start it as site.js does, and show the page. */
async function show({ url = "https://example.org/site/rl/basics/", head = "", body, bank = BANK }) {
  openPage({ url, head, body });
  globalThis.fetch = async (address) => {
    fetched.push(String(address));
    return bank ? { ok: true, json: async () => bank } : { ok: false, status: 404 };
  };
  const pages = documentStream();
  const { startPractice } = await load("practice/main.js");
  startPractice(new URL(ROOT));
  pages.next();
  await settle();
  return pages;
}

/** An instant navigation: Material swaps in the next page's head facts and content, then says so. */
function navigate(pages, { head = "", body }) {
  for (const meta of document.head.querySelectorAll("meta[name]")) meta.remove();
  document.head.insertAdjacentHTML("beforeend", head);
  document.body.innerHTML = body;
  pages.next();
}

test("a topic page gets its marks from the topic the build wrote into its head", async () => {
  await show({ head: HEAD, body: TOPIC });
  assert.equal(document.querySelector(".practice-toolbar a").href, `${ROOT}practice/?topics=rl`);
  assert.ok(document.querySelector("h2#ppo + .practice-mark"));
  assert.deepEqual(fetched, [], "marks need no question bank");
});

test("without that fact a page gets no marks, whatever its address looks like", async () => {
  await show({ body: TOPIC });
  assert.equal(document.querySelector(".practice-toolbar"), null);
});

test("after an instant navigation the new page is mounted and only its views hear the keyboard", async () => {
  const pages = await show({ url: "https://example.org/site/practice/", body: PRACTICE + INDEX });
  document.querySelector(".practice-start").click();
  press(" ", document.querySelector(".practice-question"));
  await settle();
  assert.equal(document.querySelector(".practice-answer__body").innerHTML, "<p>PPO 的参考答案</p>");
  navigate(pages, { head: HEAD, body: TOPIC });
  assert.ok(document.querySelector(".practice-toolbar"));
  press("3");
  assert.equal(localStorage.getItem(KEY), null, "the drill left behind grades nothing");
  navigate(pages, { body: PRACTICE + INDEX });
  assert.equal(document.querySelector(".practice-toolbar"), null);
  document.querySelector(".practice-start").click();
  press(" ", document.querySelector(".practice-question"));
  await settle();
  press("3", document.querySelector(".practice-answer"));
  assert.equal(JSON.parse(localStorage.getItem(KEY)).entries.ppo.grade, 3);
  assert.deepEqual(fetched, [`${ROOT}practice.json`], "the bank is fetched once, for the answers");
});

test("another tab's change to the progress shows on the open page", async () => {
  await show({ head: HEAD, body: TOPIC });
  assert.equal(document.querySelector("h2#ppo .practice-state").hidden, true);
  localStorage.setItem(KEY, JSON.stringify({ app: "llm-interview-zh/practice", version: 1, entries: { ppo: { box: 3, due: "2099-01-01", last: 1, grade: 3, reviews: 1, lapses: 0 } } }));
  window.dispatchEvent(new window.Event("storage"));
  assert.equal(document.querySelector("h2#ppo .practice-state").textContent, "已掌握");
});

test("a practice page whose bank does not load says so and keeps the progress", async () => {
  await show({ url: "https://example.org/site/practice/", body: PRACTICE, bank: null });
  await settle();
  const root = document.getElementById("practice");
  assert.match(root.textContent, /题库没有载入（HTTP 404）.*已保存的进度不受影响/);
  assert.ok(root.classList.contains("practice-failed"));
});
