// Material puts each code block's copy button in a <nav> of its own: a page with ten code blocks
// then has ten unnamed navigation landmarks, which screen readers list among the page's regions
// and which fail axe landmark-unique. A copy button is not navigation, so the wrapper loses its
// landmark role (ARIA allows no other role on <nav> that fits); the button itself stays as it is.
function unlandmarkCodeToolbars() {
  for (const nav of document.querySelectorAll("nav.md-code__nav:not([role])")) {
    nav.setAttribute("role", "none");
  }
}

if (typeof document$ !== "undefined") document$.subscribe(unlandmarkCodeToolbars);
