/**
 * The order of the source list, shared by the list itself and by every
 * reference to it, so that "[3]" in the text is the third entry in the list.
 * Sources are ordered by their id (outlet, then date: `afp-2013-07-21`,
 * `ap-2025-09`, …), which is the same in every language, so a source has the
 * same number in the English and the French story.
 */
import type { SourceData, StoryData } from '../story/types';

/** All sources in list order. */
export function orderedSources(story: Pick<StoryData, 'sources'>): SourceData[] {
  return Object.values(story.sources).sort((a, b) => a.id.localeCompare(b.id, 'en'));
}

/** 1-based position of source `id` in the list. Throws if there is no such source. */
export function sourceNumber(story: Pick<StoryData, 'sources'>, id: string): number {
  const i = orderedSources(story).findIndex((s) => s.id === id);
  if (i < 0) throw new Error(`no source "${id}" in content/sources/`);
  return i + 1;
}
