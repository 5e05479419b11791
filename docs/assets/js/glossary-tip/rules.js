// The glossary tip's decisions, kept apart from the page so Node can test them
// (tests/js/glossary_tip.test.mjs): what an event does to the tip, and where the tip goes.

export const NONE = Object.freeze({ action: "none" });
export const HIDE = Object.freeze({ action: "hide" });
const show = (term) => ({ action: "show", term });

/**
 * What one event does to the tip. `e` describes the event as the page saw it:
 * `type`; `term` (the glossary term the event happened on, or null); `pointerType` (of the
 * pointer that caused it: "mouse", "touch", "pen"; "" for the keyboard); `key`; `focusVisible`
 * (focus came from the keyboard); `inTip` (it happened inside the tip); `toTerm`/`toTip` (where a
 * pointer that left went). `open` is the term whose tip is showing, or null.
 *
 * Mouse: hovering a term shows it, leaving term and tip hides it. Keyboard: focusing a term shows
 * it, Esc or moving focus hides it. Touch: a tap on a term toggles it, a tap elsewhere hides it.
 */
export function tipAction(e, open) {
  switch (e.type) {
    case "keydown":
      return e.key === "Escape" && open ? HIDE : NONE;
    case "pointerover":
      return e.pointerType === "mouse" && e.term && e.term !== open ? show(e.term) : NONE;
    case "pointerout": {
      const leftOpen = open && (e.term === open || e.inTip);
      return e.pointerType === "mouse" && leftOpen && e.toTerm !== open && !e.toTip ? HIDE : NONE;
    }
    case "focusin":
      return e.term && e.focusVisible && e.term !== open ? show(e.term) : NONE;
    case "focusout":
      return open && e.term === open ? HIDE : NONE;
    case "click":
      if (e.term && e.pointerType !== "mouse") return e.term === open ? HIDE : show(e.term);
      if (e.term && e.term !== open) return show(e.term);
      return open && !e.term && !e.inTip ? HIDE : NONE;
    default:
      return NONE;
  }
}

/**
 * Where the tip goes, in page coordinates: under the term, or above it when there is no room
 * below but there is above; centred on the term and kept `margin` px inside the viewport.
 * `term` is the term's client rectangle ({left, top, bottom, width}), `tip` the tip's size,
 * `view` the viewport ({width, height, scrollX, scrollY}). `arrow` is the term's centre measured
 * from the tip's left edge, for the little tail.
 */
export function placeTip(term, tip, view, gap = 8, margin = 12) {
  const roomBelow = view.height - term.bottom - gap;
  const below = tip.height <= roomBelow || term.top - gap < tip.height;
  const top = below ? term.bottom + gap : term.top - gap - tip.height;
  const centre = term.left + term.width / 2;
  const widest = Math.max(margin, view.width - margin - tip.width);
  const left = Math.min(Math.max(centre - tip.width / 2, margin), widest);
  return {
    top: Math.round(top + view.scrollY),
    left: Math.round(left + view.scrollX),
    below,
    arrow: Math.round(Math.min(Math.max(centre - left, 10), Math.max(10, tip.width - 10))),
  };
}
