/**
 * How the scrolly section lays out the sticky graphic, decided from the
 * viewport and decided again whenever the viewport crosses the breakpoint
 * (a rotation, a window resized):
 * - `column`: text on the left, the graphic on the right (wide screens, and
 *   landscape phones and tablets);
 * - `stacked`: the graphic is a pane at the top of the screen and the text
 *   cards scroll up beneath it, never over it (portrait phones and tablets).
 *
 * The same rule lives in CSS (styles/story.css uses COLUMN_MEDIA's
 * conditions), in the map's camera padding (src/map/camera.ts) and in the
 * engine's trigger line (engine.ts).
 */

export type Layout = 'column' | 'stacked';

/** The media query of the column layout. Keep in step with styles/story.css. */
export const COLUMN_MEDIA = '(min-width: 56rem), (min-width: 36rem) and (min-aspect-ratio: 5/4)';

/** Root font size the rem breakpoints assume, px. */
const REM = 16;

/** The layout for a viewport of `width` × `height` CSS px (pure: for tests and the build). */
export function layoutFor(width: number, height: number): Layout {
  return width >= 56 * REM || (width >= 36 * REM && width / height >= 5 / 4) ? 'column' : 'stacked';
}

/** The layout the browser is in now (matchMedia, so it agrees with the CSS). */
export function currentLayout(win: Window = window): Layout {
  return win.matchMedia(COLUMN_MEDIA).matches ? 'column' : 'stacked';
}

/**
 * Where steps activate, as a fraction of the viewport height from the top:
 * mid-screen beside the graphic (`column`); in the `stacked` layout, the
 * middle of the text region between the graphic pane (`paneHeight` px) and
 * the step controls at the bottom (`navHeight` px).
 */
export function triggerFor(layout: Layout, viewportHeight: number, paneHeight = 0, navHeight = 0): number {
  if (layout === 'column' || viewportHeight <= 0) return 0.5;
  const region = Math.max(0, viewportHeight - paneHeight - navHeight);
  return Math.min(0.9, Math.max(0.5, (paneHeight + region / 2) / viewportHeight));
}
