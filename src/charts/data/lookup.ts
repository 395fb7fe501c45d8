/**
 * Lookups of the records a chart needs, by the fixed ids in the team brief.
 * A missing record is a content error, so each lookup throws a message that
 * names the chart, the id and the file an editor should add.
 */
import type { EraData, EventData, FigureData, SourceData, StoryData } from '../../story/types';
import type { ChartId } from '../chart-ids';

/**
 * The figure `id` from `story.figures`.
 * Throws `Error('<chart> chart: figure "<id>" is missing (content/figures/<id>.yaml)')`.
 */
export function requireFigure(story: StoryData, id: string, chart: ChartId): FigureData {
  const figure = story.figures[id];
  if (!figure) throw new Error(`${chart} chart: figure "${id}" is missing (content/figures/${id}.yaml)`);
  return figure;
}

/**
 * The event `id` from `story.events`.
 * Throws `Error('<chart> chart: event "<id>" is missing (content/events/<id>.yaml)')`.
 */
export function requireEvent(story: StoryData, id: string, chart: ChartId): EventData {
  const event = story.events.find((e) => e.id === id);
  if (!event) throw new Error(`${chart} chart: event "${id}" is missing (content/events/${id}.yaml)`);
  return event;
}

/**
 * The era `id` from `story.eras`.
 * Throws `Error('<chart> chart: era "<id>" is missing (content/eras/<id>.yaml)')`.
 */
export function requireEra(story: StoryData, id: string, chart: ChartId): EraData {
  const era = story.eras.find((e) => e.id === id);
  if (!era) throw new Error(`${chart} chart: era "${id}" is missing (content/eras/${id}.yaml)`);
  return era;
}

/**
 * The source `id` from `story.sources`.
 * Throws `Error('<chart> chart: source "<id>" is missing (content/sources/<id>.yaml)')`.
 */
export function requireSource(story: StoryData, id: string, chart: ChartId): SourceData {
  const source = story.sources[id];
  if (!source) throw new Error(`${chart} chart: source "${id}" is missing (content/sources/${id}.yaml)`);
  return source;
}

/**
 * The outlet names of `sourceIds`, deduplicated in first-seen order
 * (two Reuters articles give one "Reuters"). Throws like `requireSource`.
 */
export function outletsOf(story: StoryData, sourceIds: Iterable<string>, chart: ChartId): string[] {
  const outlets: string[] = [];
  for (const id of sourceIds) {
    const { outlet } = requireSource(story, id, chart);
    if (!outlets.includes(outlet)) outlets.push(outlet);
  }
  return outlets;
}

/** The latest of some partial dates (YYYY, YYYY-MM, YYYY-MM-DD compare as strings). Undefined when empty. */
export function latestDate(dates: Iterable<string>): string | undefined {
  let latest: string | undefined;
  for (const d of dates) if (latest === undefined || d.localeCompare(latest) > 0) latest = d;
  return latest;
}

/** `text` with its first letter upper-cased for `locale` (figure labels are written lower-case to sit inside sentences). */
export function capitalize(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
