/**
 * A build-time check of every chart scene against the story: each chart's
 * records exist (fixed ids in the team brief) and each timeline highlight is
 * an event inside the scene's range. The page build (or a test) can call it
 * so a content mistake fails the build with a message naming the file,
 * instead of a blank chart in the reader's browser.
 */
import type { ChartSceneData, StoryData } from '../story/types';
import { CHART_IDS, type ChartId } from './chart-ids';
import { chartTable } from './tables';
import { deriveTimeline, highlightedEvent } from './data/timeline';
import { requireSource } from './data/lookup';

/**
 * Every problem with the chart scenes of `story`, one message each (empty
 * when all is well). Never throws: errors become messages.
 */
export function chartSceneProblems(story: StoryData): string[] {
  const problems: string[] = [];
  const attempt = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  };
  const scenes = Object.values(story.scenes).filter((s): s is ChartSceneData => s.graphic !== 'map');
  const used = new Set<ChartId>(scenes.map((s) => s.graphic).filter((g): g is ChartId => (CHART_IDS as readonly string[]).includes(g)));
  for (const id of used) attempt(() => chartTable(id, story));
  let timeline: ReturnType<typeof deriveTimeline> | undefined;
  attempt(() => (timeline = used.has('timeline') ? deriveTimeline(story) : undefined));
  for (const scene of scenes) {
    for (const source of scene.sources) attempt(() => requireSource(story, source, scene.graphic));
    if (scene.graphic === 'timeline' && timeline) {
      const data = timeline;
      attempt(() => highlightedEvent(data, scene));
    }
  }
  return [...new Set(problems)];
}
