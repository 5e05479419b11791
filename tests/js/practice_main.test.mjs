// docs/assets/js/practice/main.js in a DOM: what it mounts on each page Material shows (a load or
// an instant navigation), where the keyboard and other tabs' changes go, and the question bank.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterEach, test } from "node:test";

import { documentStream, load, openPage, press, SITE, settle } from "./page.mjs";

const { KEY } = await import("../../docs/assets/js/practice/store.js");

const ROOT = SITE; // the site root, as site.js hands it to main.js
const HEAD = '<meta name="llm-interview:topic" content="rl">';
// The practice page as the build writes it: the setup form, and the bank without its answers.
const FIXTURES = new URL("fixtures/", import.meta.url);
const TOPIC = readFileSync(new URL("topic_page_marked.html", FIXTURES), "utf-8");
const INDEXED = JSON.parse(readFileSync(new URL("practice_bank.json", FIXTURES), "utf-8"));
const SETUP = readFileSync(new URL("practice_setup.html", FIXTURES), "utf-8");
const PRACTICE = `<article class="md-content__inner"><div id="practice">${SETUP}</div><div id="practice-missed"></div></article>`;
const BANK = { ...INDEXED, entries: INDEXED.entries.map((e) => ({ ...e, answer: `<p>${e.id} 的参考答案</p>` })) };
const inlined = (bank) => `<template id="practice-index">${JSON.stringify(bank).replaceAll("&", "&amp;").replaceAll("<", "&lt;")}</template>`;
const INDEX = inlined(INDEXED);
const PPO = "?topics=rl&level=基础"; // a session of one question, ppo

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

const mastered = (id) => [...document.querySelectorAll(`h2#${id} + .practice-mark button`)].find((b) => b.textContent === "已掌握");

test("a topic page's marks work on the page of a topic the build wrote into its head", async () => {
  await show({ head: HEAD, body: TOPIC });
  mastered("ppo").click();
  assert.equal(document.querySelector("h2#ppo .practice-state").textContent, "已掌握");
  assert.equal(JSON.parse(localStorage.getItem(KEY)).entries.ppo.box, 3);
  assert.deepEqual(fetched, [], "marks need no question bank");
});

test("without that fact the page's marks are left alone, whatever its address looks like", async () => {
  await show({ body: TOPIC });
  mastered("ppo").click();
  assert.equal(localStorage.getItem(KEY), null);
});

test("after an instant navigation the new page is mounted and only its views hear the keyboard", async () => {
  const pages = await show({ url: `https://example.org/site/practice/${PPO}`, body: PRACTICE + INDEX });
  document.querySelector(".practice-start").click();
  press(" ", document.querySelector(".practice-question"));
  await settle();
  assert.equal(document.querySelector(".practice-answer__body").innerHTML, "<p>ppo 的参考答案</p>");
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

test("the practice page fetches the bank when a session starts, not when it loads", async () => {
  await show({ url: `https://example.org/site/practice/${PPO}`, body: PRACTICE + INDEX });
  assert.deepEqual(fetched, [], "the page shows its form and counts with no request");
  document.querySelector(".practice-start").click();
  assert.deepEqual(fetched, [`${ROOT}practice.json`], "on its way before the first answer is asked for");
  press(" ", document.querySelector(".practice-question"));
  await settle();
  assert.equal(document.querySelector(".practice-answer__body").innerHTML, "<p>ppo 的参考答案</p>");
  assert.equal(fetched.length, 1);
});

test("the offline copy's answers are in the page: nothing is fetched", async () => {
  await show({ url: `https://example.org/site/practice/${PPO}`, body: PRACTICE + inlined(BANK), bank: null });
  document.querySelector(".practice-start").click();
  press(" ", document.querySelector(".practice-question"));
  await settle();
  assert.equal(document.querySelector(".practice-answer__body").innerHTML, "<p>ppo 的参考答案</p>");
  assert.deepEqual(fetched, []);
});

test("another tab's change to the progress shows on the open page", async () => {
  await show({ head: HEAD, body: TOPIC });
  assert.equal(document.querySelector("h2#ppo .practice-state").hidden, true);
  localStorage.setItem(KEY, JSON.stringify({ app: "llm-interview-zh/practice", version: 1, entries: { ppo: { box: 3, due: "2099-01-01", last: 1, grade: 3, reviews: 1, lapses: 0 } } }));
  window.dispatchEvent(new window.Event("storage"));
  assert.equal(document.querySelector("h2#ppo .practice-state").textContent, "已掌握");
});

test("answers that do not load say so where the answer would be, and the drill goes on", async () => {
  await show({ url: `https://example.org/site/practice/${PPO}`, body: PRACTICE + INDEX, bank: null });
  document.querySelector(".practice-start").click();
  press(" ", document.querySelector(".practice-question"));
  await settle();
  assert.match(document.querySelector(".practice-answer__body").textContent, /答案没有载入（HTTP 404）/);
  press("3", document.querySelector(".practice-answer"));
  assert.equal(JSON.parse(localStorage.getItem(KEY)).entries.ppo.grade, 3);
});

test("a practice page without its question index says so and keeps the progress", async () => {
  await show({ url: "https://example.org/site/practice/", body: PRACTICE });
  const root = document.getElementById("practice");
  assert.match(root.textContent, /练习页没有载入（页面里没有题目索引）.*已保存的进度不受影响/);
  assert.ok(root.classList.contains("practice-failed"));
});
