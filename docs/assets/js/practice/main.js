// Practice mode (issue 11): the 练习 page, the marks on topic pages and the home page's progress.
// Everything stays in this browser (localStorage, see store.js); nothing is sent anywhere.
// Runs on every page, instant navigation included, through Material's `document$`, once site.js
// starts it with the site's root address.
import { mountOverview } from "./overview.js";
import { mountPracticePage } from "./page.js";
import { localDay } from "./schedule.js";
import { mountHome, mountTopic, pageTopic } from "./topic.js";

/** localStorage, or a stand-in whose reads fail (and are reported) where the browser forbids it. */
function browserStorage() {
  try {
    return window.localStorage;
  } catch (err) {
    const refuse = () => {
      throw err;
    };
    return { getItem: refuse, setItem: refuse, removeItem: refuse };
  }
}

const app = {
  root: null, // the site's root URL, given to startPractice
  storage: browserStorage(),
  now: () => Date.now(),
  today: () => localDay(Date.now()),
};

let bank = null;
/** The question bank with its answers, fetched once per visit and kept for later pages. */
function loadBank() {
  bank ??= fetch(new URL("practice.json", app.root)).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.json();
  });
  bank.catch(() => (bank = null));
  return bank;
}

let views = [];

/** Where the drill's answers come from: the index the build wrote into the page, which holds
 * them in the offline copy (nothing can be fetched from `file://`); else practice.json, fetched
 * as the reader starts a session, not with the page: it is most of the page's weight. */
function answers(index) {
  if (index.entries.some((e) => e.answer !== undefined)) {
    const inline = new Map(index.entries.map((e) => [e.id, e.answer]));
    return { fetchAnswers() {}, answer: async (id) => inline.get(id) };
  }
  return {
    fetchAnswers: () => void loadBank().catch(() => {}), // a failure shows when an answer is asked for
    async answer(id) {
      const found = (await loadBank()).entries.find((e) => e.id === id);
      if (!found) throw new Error(`题库里没有 ${id}`);
      return found.answer;
    },
  };
}

/** The practice page: the drill over the setup form and the question index the build wrote. */
function mountPractice(root) {
  try {
    const inline = document.getElementById("practice-index"); // a <template>: inert text
    if (!inline) throw new Error("页面里没有题目索引");
    const index = JSON.parse(inline.content.textContent);
    views.push(mountPracticePage(document, { ...app, ...answers(index) }, index));
  } catch (err) {
    root.replaceChildren(`练习页没有载入（${err.message}）。请刷新页面；已保存的进度不受影响。`);
    root.classList.add("practice-failed");
  }
}

function mount() {
  views = [];
  const article = document.querySelector("article.md-content__inner");
  if (!article) return;
  const practiceRoot = article.querySelector("#practice");
  if (practiceRoot) return void mountPractice(practiceRoot);
  const home = mountHome(article, app);
  if (home) views.push(home);
  mountOverview(article, app);
  const topic = pageTopic(document) && mountTopic(article, app);
  if (topic) views.push(topic);
}

/** Mount on every page from now on; `root` is the site's root URL. */
export function startPractice(root) {
  if (typeof document$ === "undefined") return;
  app.root = root;
  document$.subscribe(mount);
  document.addEventListener("keydown", (event) => {
    for (const v of views) v.key?.(event);
  });
  // Another tab changed the progress: show it here too.
  window.addEventListener("storage", () => {
    for (const v of views) v.refresh();
  });
}
