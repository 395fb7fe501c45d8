/**
 * Browser entry point of the story page: fetches the story data (a JSON file,
 * src/story/data-route.ts, named by the scrolly section's `data-story-url`)
 * and starts the engine on each scrolly section, with its presenter mode
 * (presenter.ts). Until it arrives the page reads as plain text with static
 * figures; if it cannot be fetched, it stays so.
 */
import { enhance, startStory } from './engine';
import { startPresenter } from './presenter';
import type { StoryData } from './types';

/** Fetches the story data from `url`. Throws on a failed response. */
export async function fetchStoryData(url: string): Promise<StoryData> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load the story data (${response.status}): ${url}`);
  return (await response.json()) as StoryData;
}

/** Starts every `[data-scrolly]` section on the page. */
export async function boot(): Promise<void> {
  const roots = [...document.querySelectorAll<HTMLElement>('[data-scrolly]')];
  // The layout first, at once: the data can take a moment on a slow network.
  for (const root of roots) enhance(root);
  for (const root of roots) {
    const url = root.dataset.storyUrl;
    if (!url) throw new Error('a [data-scrolly] section needs data-story-url');
    try {
      const story = await fetchStoryData(url);
      const engine = startStory(root, story);
      // Presenter mode (one step per screen, for a projector) drives the same engine.
      if (root.querySelector('[data-present-toggle]')) startPresenter(root, engine, story.locale);
    } catch (error) {
      // The story still reads without its graphics: back to the plain layout, each step with its static figure.
      console.warn('The story graphics could not start', error);
      root.classList.remove('is-enhanced');
      for (const el of root.querySelectorAll<HTMLElement>('[data-graphic], [data-nav-bar]')) el.hidden = true;
    }
  }
}
