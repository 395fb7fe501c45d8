/**
 * Polite screen-reader announcements of the graphic's new state: one short
 * sentence per step change, never the whole step (the step text is read as
 * the reader reaches it).
 */
export interface Announcer {
  /** Announce `text` (one sentence). Repeating the same text is skipped. */
  say(text: string): void;
}

/** Wraps an element that has `aria-live="polite"` (rendered by StoryGraphic.astro). */
export function createAnnouncer(region: HTMLElement): Announcer {
  let last = '';
  return {
    say(text) {
      if (text === last) return;
      last = text;
      region.textContent = text;
    },
  };
}
