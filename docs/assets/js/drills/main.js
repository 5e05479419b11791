// 手撕代码 (coding drills), on every page through Material's `document$` (instant navigation too):
// marks the passed drills in a `.drill-list`, makes `.drill-hints` progressive, and on a page
// with a `.drill-bench` loads the workbench (bench.js, which mounts itself) once per visit.
// Kept small: everything heavy is in bench.js, editor.js and worker.js, loaded only when needed.
// site.js starts it with the workbench bundle's address.
import { read } from "../practice/store.js";
import { mountHints } from "./hints.js";
import { markList } from "./list.js";
import { passedIds } from "./progress.js";

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function markLists() {
  const lists = document.querySelectorAll(".drill-list");
  if (!lists.length) return;
  const store = storage();
  const stored = store ? read(store) : { corrupt: "no storage" };
  const passed = stored.corrupt ? new Set() : passedIds(stored.state);
  for (const list of lists) markList(list, passed);
}

let benchUrl = "";
let bench = "none"; // "none" | "loading" | "loaded"
function loadBench() {
  if (bench !== "none") return;
  bench = "loading";
  const script = document.createElement("script");
  script.src = benchUrl;
  script.onload = () => {
    bench = "loaded";
  };
  script.onerror = () => {
    bench = "none";
    script.remove();
    for (const root of document.querySelectorAll(".drill-bench:not([data-drill-mounted])")) {
      const note = document.createElement("p");
      note.className = "drill-bench__warning";
      note.textContent = "代码工作台没有载入：检查网络后刷新页面。上面是题目的骨架代码，也可以复制到本地运行。";
      root.append(note);
    }
  };
  document.head.append(script);
}

function mount() {
  markLists();
  for (const list of document.querySelectorAll(".drill-hints")) mountHints(list);
  if (document.querySelector(".drill-bench")) loadBench();
}

/** Mount on every page from now on; `url` is the workbench bundle's address. */
export function startDrills(url) {
  if (typeof document$ === "undefined") return;
  benchUrl = url;
  document$.subscribe(mount);
  // Another tab passed a drill: show it here too.
  window.addEventListener("storage", markLists);
}
