// On a phone the drawer is the way around a page, and Material lists a page's table of contents
// there, but not for a section's index page, which is what every topic page is. So the topic
// page's questions are added under its section in the drawer; at desktop widths, where the
// table of contents has its own sidebar, site.css hides the copy.
function addQuestionsToDrawer() {
  const section = document.querySelector(".md-nav--primary .md-nav__item--section.md-nav__item--active");
  const onIndex = section?.querySelector(":scope > .md-nav__container > a.md-nav__link--active");
  const list = section?.querySelector(":scope > nav > .md-nav__list");
  const toc = document.querySelector(".md-sidebar--secondary .md-nav--secondary > .md-nav__list");
  if (!onIndex || !list || !toc || list.querySelector(".qa-drawer-toc")) return;
  const nav = document.createElement("nav");
  nav.className = "qa-drawer-toc__nav"; // not md-nav: Material lays nested md-nav out as a sliding panel
  nav.setAttribute("aria-label", "本页题目");
  const questions = toc.cloneNode(true);
  questions.removeAttribute("data-md-component"); // Material's own table of contents stays the one it tracks
  nav.append(questions);
  const title = document.createElement("span");
  title.className = "md-nav__link qa-drawer-toc__title";
  title.textContent = "本页题目";
  const item = document.createElement("li");
  item.className = "md-nav__item qa-drawer-toc";
  item.append(title, nav);
  list.append(item);
}

if (typeof document$ !== "undefined") document$.subscribe(addQuestionsToDrawer);
