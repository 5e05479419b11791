// Glossary tips (src/llm_interview/editorial/abbr.py marks the first use of a term in each question as
// `<abbr title>`). Nothing happens at page load: one listener per event type on the document,
// and one shared tip element, made the first time a reader hovers, focuses or taps a term.
// Without JavaScript the `title` still shows the definition; while a tip shows, the term's
// title moves into the tip (no second, native tooltip) and comes back when it hides.
import { HIDE, NONE, placeTip, tipAction } from "./rules.js";

const TERM = ".md-typeset abbr[title], .md-typeset abbr[data-tip]";
const TIP_ID = "qa-tip";
let tip = null;
let open = null;
let lastPointer = "";

function tipElement() {
  if (!tip) {
    tip = document.createElement("div");
    tip.id = TIP_ID;
    tip.className = "qa-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.append(tip);
  }
  return tip;
}

function show(term) {
  if (open) hide();
  const el = tipElement();
  if (term.hasAttribute("title")) {
    term.dataset.tip = term.title;
    term.removeAttribute("title");
  }
  el.textContent = term.dataset.tip;
  el.hidden = false;
  el.classList.remove("qa-tip--active", "qa-tip--above");
  const box = term.getBoundingClientRect();
  const size = el.getBoundingClientRect();
  const view = {
    width: document.documentElement.clientWidth,
    height: window.innerHeight,
    scrollX: window.scrollX,
    scrollY: window.scrollY,
  };
  const at = placeTip(box, size, view);
  el.style.top = `${at.top}px`;
  el.style.left = `${at.left}px`;
  el.style.setProperty("--qa-tip-arrow", `${at.arrow}px`);
  el.classList.toggle("qa-tip--above", !at.below);
  term.setAttribute("aria-describedby", TIP_ID);
  open = term;
  requestAnimationFrame(() => open === term && el.classList.add("qa-tip--active"));
}

function hide() {
  if (!open) return;
  open.title = open.dataset.tip;
  delete open.dataset.tip;
  open.removeAttribute("aria-describedby");
  open = null;
  tip.classList.remove("qa-tip--active");
  tip.hidden = true;
}

const termOf = (node) => (node instanceof Element ? node.closest(TERM) : null);
const inTip = (node) => Boolean(tip && node instanceof Node && tip.contains(node));

function handle(event) {
  if (event.type === "pointerdown") {
    lastPointer = event.pointerType;
    return;
  }
  const target = event.target;
  const term = termOf(target);
  const decision = tipAction(
    {
      type: event.type,
      term,
      key: event.key,
      pointerType: event.type === "click" ? lastPointer : event.pointerType,
      focusVisible: event.type === "focusin" && term ? term.matches(":focus-visible") : false,
      inTip: inTip(target),
      toTerm: termOf(event.relatedTarget),
      toTip: inTip(event.relatedTarget),
    },
    open,
  );
  if (event.type === "click") lastPointer = "";
  if (decision === HIDE) hide();
  else if (decision !== NONE) show(decision.term);
}

for (const type of ["pointerover", "pointerout", "pointerdown", "focusin", "focusout", "click", "keydown"]) {
  document.addEventListener(type, handle, { passive: true });
}
window.addEventListener("resize", hide, { passive: true });
// Material's instant navigation swaps the page without reloading: a tip never outlives its page.
if (typeof document$ !== "undefined") document$.subscribe(hide);
