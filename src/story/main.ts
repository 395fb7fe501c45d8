/**
 * Browser entry point of the story page: reads the story data the page
 * embedded as JSON (`<script type="application/json" id="story-data">`, which
 * is data, not code, so a strict CSP holds) and starts the engine on each
 * scrolly section.
 */
import { startStory } from './engine';
import type { StoryData } from './types';

/** Parses the embedded story data. Throws if the page lacks it. */
export function readStoryData(doc: Document = document): StoryData {
  const el = doc.getElementById('story-data');
  if (!el?.textContent) throw new Error('the page has no #story-data');
  return JSON.parse(el.textContent) as StoryData;
}

/** Starts every `[data-scrolly]` section on the page. */
export function boot(): void {
  const story = readStoryData();
  for (const root of document.querySelectorAll<HTMLElement>('[data-scrolly]')) startStory(root, story);
}
