// Notebook figures are drawn about 1200 px wide and shown at the width of the column: on a phone
// their labels are too small to read. Tapping (or Enter on) such a figure opens it at full size
// in a dialog that scrolls both ways; Esc or 关闭 closes it.
function openFigure(img) {
  const dialog = document.createElement("dialog");
  dialog.className = "nb-zoom";
  dialog.setAttribute("aria-label", "放大的图");
  const close = document.createElement("button");
  close.type = "button";
  close.className = "nb-zoom__close md-button";
  close.textContent = "关闭";
  close.addEventListener("click", () => dialog.close());
  const full = img.cloneNode();
  full.removeAttribute("tabindex");
  full.removeAttribute("role");
  dialog.append(close, full);
  dialog.addEventListener("close", () => {
    dialog.remove();
    img.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
}

function makeZoomable(img) {
  if (img.dataset.zoom || img.naturalWidth <= img.clientWidth * 1.2) return;
  img.dataset.zoom = "1";
  img.tabIndex = 0;
  img.setAttribute("role", "button");
  img.setAttribute("aria-label", `${img.alt || "图"}：点按放大`);
  img.addEventListener("click", () => openFigure(img));
  img.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      openFigure(img);
    }
  });
}

function zoomableFigures() {
  for (const img of document.querySelectorAll(".jupyter-wrapper img")) {
    if (img.complete) makeZoomable(img);
    else img.addEventListener("load", () => makeZoomable(img), { once: true });
  }
}

if (typeof document$ !== "undefined") document$.subscribe(zoomableFigures);
