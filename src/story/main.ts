/**
 * The story engine's side of the story page, loaded after the first paint by
 * the page's entry script (StoryPage.astro, after-paint.ts): fetches the
 * story data (a JSON file, src/story/data-route.ts, named by the scrolly
 * section's `data-story-url`) and starts the engine on each scrolly section,
 * with its presenter mode (presenter.ts). The entry has already laid the page
 * out for the engine (enhance.ts); if the data cannot be fetched or the engine
 * throws, the page reads as without JavaScript (static.ts).
 */
import { startStory } from './engine';
import { enhance } from './enhance';
import { startPresenter } from './presenter';
import { readAsStatic } from './static';
import type { StoryData } from './types';

/** Fetches the story data from `url`. Throws on a failed response. */
export async function fetchStoryData(url: string): Promise<StoryData> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load the story data (${response.status}): ${url}`);
  return (await response.json()) as StoryData;
}

/**
 * Starts every `[data-scrolly]` section on the page. A section marked
 * `data-hosted` (the whole-story embed) that runs in a frame follows the
 * host page's viewport (src/embed/child.ts, loaded only then); opened on its
 * own, it is an ordinary story.
 */
export async function boot(): Promise<void> {
  const roots = [...document.querySelectorAll<HTMLElement>('[data-scrolly]')];
  const hosted = roots.some((root) => root.hasAttribute('data-hosted'));
  const host = hosted && window.parent !== window ? (await import('../embed/child')).startEmbedChild('story') : undefined;
  if (!host) for (const root of roots) root.removeAttribute('data-hosted');
  // The layout first, at once: the data can take a moment on a slow network.
  for (const root of roots) enhance(root);
  for (const root of roots) {
    const url = root.dataset.storyUrl;
    if (!url) throw new Error('a [data-scrolly] section needs data-story-url');
    try {
      const story = await fetchStoryData(url);
      const engine = startStory(root, story, { host });
      // The Share dialog's code loads on first use.
      root.querySelector('[data-share-open]')?.addEventListener('click', () => {
        void import('../embed/share').then(({ openShare }) => openShare(root, engine));
      });
      // Presenter mode (one step per screen, for a projector) drives the same engine; not inside another site's page.
      if (!host && root.querySelector('[data-present-toggle]')) startPresenter(root, engine, story.locale);
    } catch (error) {
      // The story still reads without its graphics: back to the plain layout, each step with its static figure.
      console.warn('The story graphics could not start', error);
      readAsStatic(root);
    }
  }
}
