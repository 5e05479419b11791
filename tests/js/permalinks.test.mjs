import assert from "node:assert/strict";
import { test } from "node:test";

import { hashId, targetOf } from "../../docs/assets/js/permalink-target.js";
import { documentStream, load, openPage, SITE, settle } from "./page.mjs";

const root = "https://example.org/site/";
const map = { rope: "architecture/position/", "kv-cache-gqa": "inference/kv-cache/" };
const nowhere = () => false;

test("an old topic link goes to the page that holds the question", () => {
  assert.equal(targetOf("#rope", map, root, nowhere), "https://example.org/site/architecture/position/#rope");
});

test("a hash already on the page, an unknown id and no hash stay put", () => {
  assert.equal(
    targetOf("#rope", map, root, (id) => id === "rope"),
    null,
  );
  assert.equal(targetOf("#no-such-question", map, root, nowhere), null);
  assert.equal(targetOf("", map, root, nowhere), null);
  assert.equal(targetOf("#", map, root, nowhere), null);
});

test("inherited object keys are not ids", () => {
  assert.equal(targetOf("#constructor", map, root, nowhere), null);
  assert.equal(targetOf("#__proto__", map, root, nowhere), null);
});

test("hash ids are decoded, and a malformed escape names no id", () => {
  assert.equal(hashId("#%E6%B3%A8%E6%84%8F"), "注意");
  assert.equal(hashId("#%E6%B3"), "");
});

// permalinks.js on a page (happy-dom): when it fetches the map, and where it sends the reader.
const SITE_ROOT = SITE; // the site root, as site.js hands it to permalinks.js
const OVERVIEW = '<article class="md-content__inner"><h1>模型架构</h1><h2 id="pages">分页</h2></article>';

async function visit(url, { material = true } = {}) {
  openPage({ url, body: OVERVIEW });
  const fetched = [];
  const sent = [];
  globalThis.fetch = async (address) => {
    fetched.push(String(address));
    return { ok: true, json: async () => map };
  };
  location.replace = (target) => sent.push(target);
  const pages = material ? documentStream() : null;
  const { startPermalinks } = await load("permalinks.js");
  startPermalinks(new URL(SITE_ROOT));
  pages?.next();
  pages?.next(); // Material may report the same address twice (load, then its own)
  await settle();
  return { fetched, sent };
}

test("an old link `<topic>/#<id>` fetches the map once and is sent on to the question's page", async () => {
  const page = await visit(`${SITE}architecture/#rope`);
  assert.deepEqual(page.fetched, [`${SITE_ROOT}assets/permalinks.json`]);
  assert.deepEqual(page.sent, [`${SITE_ROOT}architecture/position/#rope`]);
  location.hash = "#kv-cache-gqa";
  await settle();
  assert.deepEqual(page.fetched.length, 1, "the map is fetched once per page");
  assert.deepEqual(page.sent.at(-1), `${SITE_ROOT}inference/kv-cache/#kv-cache-gqa`);
});

test("without Material's page stream the script follows the link on load", async () => {
  const page = await visit(`${SITE}architecture/#rope`, { material: false });
  assert.deepEqual(page.sent, [`${SITE_ROOT}architecture/position/#rope`]);
});

test("a hash on the page, an unknown hash and no hash fetch nothing or send nowhere", async () => {
  for (const [hash, fetches] of [
    ["#pages", 0],
    ["", 0],
    ["#no-such-question", 1],
  ]) {
    const page = await visit(`${SITE}architecture/${hash}`);
    assert.equal(page.fetched.length, fetches, hash);
    assert.deepEqual(page.sent, [], hash);
  }
});
