// A page for the Node tests of the page scripts: happy-dom's window, with the globals a script
// sees in a browser, Material's `document$` stood in for, and a fresh copy of a script per test
// (scripts keep state and add listeners when they load). No layout: sizes are what a test says.
import { after } from "node:test";
import { Window } from "happy-dom";

const OBJECTS = ["window", "document", "location", "history", "localStorage", "Node", "Element", "HTMLElement", "MutationObserver", "KeyboardEvent"];
const FUNCTIONS = ["addEventListener", "requestAnimationFrame", "getComputedStyle"];
export const SITE = "https://example.org/site/";
const CSS = new URL("../../docs/assets/css/", import.meta.url);

let open = null;
let copies = 0;

/** Open `body` (and `head`) at `url` as the page the scripts run on; returns its window. */
export function openPage({ url = SITE, head = "", body = "", practice = "practice/" } = {}) {
  open?.happyDOM.close();
  const window = new Window({ url, settings: { navigation: { disableMainFrameNavigation: true } } });
  // Every page's head names the 练习 page's address (src/llm_interview/site/facts.py).
  const fact = `<meta name="llm-interview:practice" content="${practice}">`;
  window.document.write(`<!doctype html><html lang="zh"><head>${fact}${head}</head><body>${body}</body></html>`);
  for (const name of OBJECTS) globalThis[name] = window[name];
  for (const name of FUNCTIONS) globalThis[name] = window[name].bind(window);
  delete globalThis.document$;
  open = window;
  return window;
}

after(() => open?.happyDOM.close());

/** A localStorage that outlives the page: reloads and other pages of the site see what it holds. */
export function memoryStorage() {
  const items = new Map();
  return {
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => items.set(key, String(value)),
    removeItem: (key) => items.delete(key),
  };
}

/** Material's `document$`: scripts subscribe to it; `next()` is a page shown (a load or an
 * instant navigation, after which the page's content is new). */
export function documentStream() {
  const subscribers = [];
  const stream = {
    subscribe: (fn) => subscribers.push(fn),
    next: () => {
      for (const fn of subscribers) fn(globalThis.document);
    },
  };
  globalThis.document$ = stream;
  globalThis.window.document$ = stream;
  return stream;
}

/** A new instance of the module at `path` (relative to docs/assets/js/), loaded into the open page. */
export function load(path) {
  copies += 1;
  return import(new URL(`../../docs/assets/js/${path}?copy=${copies}`, import.meta.url));
}

/** Apply the site's stylesheet `name` (docs/assets/css/) to the open page, for computed styles. */
export async function style(name) {
  const { readFile } = await import("node:fs/promises");
  const sheet = open.document.createElement("style");
  sheet.textContent = await readFile(new URL(name, CSS), "utf-8");
  open.document.head.append(sheet);
}

/** A key press on `target` (the document by default), as the keyboard makes it. */
export function press(key, target = globalThis.document) {
  const event = new open.KeyboardEvent("keydown", { key, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

/** Until the page's pending promises and timers of 0 ms have run. */
export function settle() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// Blob URLs the page made, so that a test can read what it offered for download.
const blobs = new Map();
const createObjectURL = URL.createObjectURL;
URL.createObjectURL = (blob) => {
  const url = createObjectURL(blob);
  blobs.set(url, blob);
  return url;
};

/** What the page offers for download from now on: `all()` gives `{ name, text }` for each blob
 * link it clicked (the click itself goes nowhere). */
export function downloads() {
  const offered = [];
  open.document.addEventListener(
    "click",
    (event) => {
      const link = event.target.closest?.("a[download]");
      if (!link) return;
      event.preventDefault();
      const blob = blobs.get(link.getAttribute("href"));
      offered.push(blob.text().then((text) => ({ name: link.getAttribute("download"), text })));
    },
    true,
  );
  return { all: () => Promise.all(offered) };
}
