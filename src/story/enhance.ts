/**
 * Lays the scrolly section `root` out for the engine at once (the graphic and
 * the step bar shown, the steps spaced for scrolling), before the engine's
 * code and the story data have arrived, so the page does not reflow later:
 * the story page's entry script calls it before the first paint (the engine
 * loads after that paint: after-paint.ts), and `boot` (main.ts) again.
 * Jumps to a #fragment are instant (`html.is-landing`) until the engine has
 * placed its first step. A link to something below the section (`#numbers`,
 * `#source-…`) is brought back into view after the reflow. Idempotent.
 */
export function enhance(root: HTMLElement): void {
  if (root.classList.contains('is-enhanced')) return;
  const figure = root.querySelector<HTMLElement>('[data-graphic]');
  const navBar = root.querySelector<HTMLElement>('[data-nav-bar]');
  if (figure) figure.hidden = false;
  if (navBar) navBar.hidden = false;
  const id = decodeURIComponent(location.hash.slice(1));
  // Until the engine has started and placed the linked step, jumps are instant (styles/base.css): the page's
  // address, or a link to a step followed before the engine's code has arrived.
  document.documentElement.classList.add('is-landing');
  root.classList.add('is-enhanced');
  const target = id ? document.getElementById(id) : null;
  if (target && !target.hasAttribute('data-step') && !root.contains(target)) target.scrollIntoView({ block: 'start', behavior: 'instant' });
}
