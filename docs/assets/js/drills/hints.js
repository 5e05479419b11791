// Progressive hints: in `.drill-hints` (an <ol> of <li><details>), hint n+1 shows once hint n has
// been opened. Without JavaScript every hint is there; this only hides the later ones.

/** How many hints show, given for each hint whether it has been opened at least once. */
export function shownHints(opened) {
  if (opened.length === 0) return 0;
  let shown = 1;
  while (shown < opened.length && opened[shown - 1]) shown++;
  return shown;
}

/** The note under the list while some hints are still hidden ("" when none are). */
export function hiddenNote(total, shown) {
  const left = total - shown;
  return left > 0 ? `还有 ${left} 条提示：打开上一条后显示下一条。` : "";
}

/** Make one `.drill-hints` list progressive (once; a second call does nothing). */
export function mountHints(list) {
  if (list.dataset.drillHints === "on") return;
  list.dataset.drillHints = "on";
  const items = [...list.children].filter((li) => li.querySelector("details"));
  const opened = items.map((li) => li.querySelector("details").open);
  const note = document.createElement("p");
  note.className = "drill-hints__more";
  note.setAttribute("aria-live", "polite");
  list.after(note);

  function show() {
    const shown = shownHints(opened);
    items.forEach((li, i) => {
      li.hidden = i >= shown;
    });
    note.textContent = hiddenNote(items.length, shown);
    note.hidden = note.textContent === "";
  }
  items.forEach((li, i) => {
    li.querySelector("details").addEventListener("toggle", (event) => {
      if (!event.target.open || opened[i]) return;
      opened[i] = true;
      show();
    });
  });
  show();
}
