// KaTeX for src/llm_interview/math/render.py, one process per build: each line on stdin is a JSON
// array of [tex, display] pairs, answered by one line on stdout, a JSON array of {html} or {error}.
// Arguments: the path of KaTeX's katex.mjs and the JSON of KaTeX's options.
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const katex = (await import(pathToFileURL(process.argv[2]).href)).default;
const options = JSON.parse(process.argv[3]);

function render([tex, display]) {
  try {
    return { html: katex.renderToString(tex, { ...options, displayMode: display }) };
  } catch (err) {
    return { error: err.message };
  }
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
  process.stdout.write(`${JSON.stringify(JSON.parse(line).map(render))}\n`);
}
