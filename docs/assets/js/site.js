// Every page's own scripts as one file: llm-interview/frontend bundles this entry (esbuild) into a
// classic script at the same address, which mkdocs.yml loads with `defer`. Each part hooks into
// Material's `document$`, so it runs again after instant navigation. The heavy parts stay out
// and load when needed: the search index on the first focus of the search box (search/lazy.js),
// the drills workbench (drills/bench.js) and its editor (drills/editor.js) on a drill page.
import "./search/lazy.js"; // the search index loads on the first focus of the search box
import "./original.js"; // opens a collapsed 原始回答 when a link or a search hit points inside it
import "./offline.js"; // opened from disk: the in-browser notebook runner becomes a note
import "./figure-zoom.js"; // notebook figures open at full size when tapped
import "./glossary-tip/main.js"; // glossary terms: a tip on hover, focus or tap, made on first use
import "./scroll-focus.js"; // boxes that scroll sideways (tables, formulas) take keyboard focus
import "./code-toolbar.js"; // a code block's copy button is not a navigation landmark
import { startDrills } from "./drills/main.js"; // 手撕代码: list marks, hints, the workbench loader
import { startPermalinks } from "./permalinks.js"; // an old link <topic>/#<id> goes on to its page
import { startPractice } from "./practice/main.js"; // 练习 page, 待复习/已掌握 marks, progress

// Addresses from this script's own (assets/js/site.js), read while it runs: see bundle.py.
const HERE = import.meta.url;
const ROOT = new URL("../../", HERE);

startPermalinks(ROOT);
startPractice(ROOT);
startDrills(new URL("drills/bench.js", HERE).href);
