/**
 * The story data the browser's engine needs (src/story/types.ts StoryData),
 * served as a JSON file per language: `data/story.json` and
 * `fr/data/story.json`. Fetched after the page has painted, so it never
 * weighs on the HTML or blocks the first paint.
 */
import type { APIRoute } from 'astro';
import { loadStory } from '../content/story-data';
import type { Locale } from '../i18n/locales';

/** Path of the story data below a language's root (see `localePath`). */
export const STORY_DATA_PATH = 'data/story.json';

/** An Astro endpoint answering with the story data of `locale`. Throws (failing the build) if the content is broken. */
export function storyDataRoute(locale: Locale): APIRoute {
  return async () =>
    new Response(JSON.stringify(await loadStory(locale)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
