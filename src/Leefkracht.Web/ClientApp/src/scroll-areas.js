// Tables wider than the screen scroll inside their own box on a phone (the phone block of styles.css). A box that
// scrolls must be reachable by keyboard to be scrolled without a mouse (WCAG 2.1.1; axe: scrollable-region-focusable),
// so every table of a page that is wider than its box joins the tab order, and leaves it when the screen is wide
// enough again. One observer for every page, so that the pages need not know about it.

/** @param {HTMLElement} main */
export function keepScrollAreasFocusable(main) {
  let pending = false;
  const mark = () => {
    pending = false;
    main.querySelectorAll('table').forEach((table) => {
      const scrolls = table.scrollWidth > table.clientWidth + 1 && getComputedStyle(table).overflowX !== 'visible';
      if (scrolls && !table.hasAttribute('tabindex')) table.setAttribute('tabindex', '0');
      else if (!scrolls && table.getAttribute('tabindex') === '0') table.removeAttribute('tabindex');
    });
  };
  const later = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(mark);
  };
  new MutationObserver(later).observe(main, { childList: true, subtree: true });
  window.addEventListener('resize', later);
}
