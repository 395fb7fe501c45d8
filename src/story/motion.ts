/**
 * The single motion switch (see STYLE.md "Motion is opt-in"): every animated
 * change in the story asks `motionAllowed()` at the moment it moves, so a
 * reader who turns on "reduce motion" mid-story is honoured at once.
 * CSS uses the matching `--motion` custom property (styles/base.css).
 */
const query = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : undefined;

/** False when the reader asked the system to reduce motion (or in a non-browser context). */
export function motionAllowed(): boolean {
  return query ? !query.matches : false;
}
