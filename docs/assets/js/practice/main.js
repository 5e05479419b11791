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
/** The question bank, fetched once per visit and kept for later pages (works offline after). */
function loadBank() {
  bank ??= fetch(new URL("practice.json", app.root)).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.json();
  });
  bank.catch(() => (bank = null));
  return bank;
}

let views = [];

/** The questions without their answers, written into the practice page by the build. */
function inlineIndex() {
  const script = document.getElementById("practice-index");
  return script ? JSON.parse(script.textContent) : null;
}

/** One entry's answer HTML: inline in the offline copy, else from the bank (fetched once, already
 * on its way when the page opens). */
async function answer(id) {
  const inline = inlineIndex()?.entries.find((e) => e.id === id);
  if (inline?.answer !== undefined) return inline.answer;
  const found = (await loadBank()).entries.find((e) => e.id === id);
  if (!found) throw new Error(`题库里没有 ${id}`);
  return found.answer;
}

async function mountPractice(root) {
  const fetching = loadBank();
  try {
    const view = mountPracticePage(document, { ...app, answer }, inlineIndex() ?? (await fetching));
    if (root.isConnected) views.push(view);
  } catch (err) {
    root.replaceChildren(`题库没有载入（${err.message}）。请检查网络后刷新页面；已保存的进度不受影响。`);
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
  const slug = pageTopic(document);
  const topic = slug && mountTopic(article, app, slug);
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
