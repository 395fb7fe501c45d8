/**
 * The story read without its graphics: the plain layout, each step with its
 * own static figure (as without JavaScript). For a scrolly section `root`
 * (`[data-scrolly]`) whose engine could not start: its code or its data
 * failed to load, or it threw. Hides the sticky graphic and the step bar, and
 * drops `.is-enhanced` (set before the first paint by enhance.ts), which shows
 * the steps' figures again. Never throws.
 */
export function readAsStatic(root: HTMLElement): void {
  root.classList.remove('is-enhanced');
  // No engine will land a step: jumps may glide again (enhance.ts, styles/base.css).
  root.ownerDocument.documentElement.classList.remove('is-landing');
  for (const el of root.querySelectorAll<HTMLElement>('[data-graphic], [data-nav-bar]')) el.hidden = true;
}
