/**
 * The timeline's data, derived purely from `story.eras` and `story.events`:
 * eras as spans and events as spans of their own precision (a date known to
 * the month covers the whole month), 2012 to December 2025.
 */
import type { EraBound, EraData, EventData, StoryData, TimelineSceneData } from '../../story/types';
import { formatDate, formatDateRange, formatEraSpan, formatQualifiedDate } from '../../i18n/format';
import { boundDate } from '../../content/dates';
import { t, type UiKey } from '../../i18n/ui';
import { latestDate, outletsOf, requireEra, requireEvent } from './lookup';
import { endOfPeriod, periodOf } from './periods';

/** The two zoom levels a timeline scene may ask for. */
export type TimelineRange = TimelineSceneData['range'];

/** Eras the story names (team brief); each must exist in `content/eras/`. */
export const TIMELINE_ERA_IDS = [
  'rebellion-and-intervention',
  'insurgency-spreads',
  'coups',
  'russian-forces',
  'sahel-alliance',
  'blockade',
] as const;

/** Events other charts and chapters rely on (team brief); each must exist in `content/events/`. */
export const TIMELINE_EVENT_IDS = [
  'jnim-declares-blockade',
  'army-escorts-begin',
  'sept-14-convoy-attack',
  'bamako-fuel-queues',
  'schools-closed',
  'us-urges-citizens-leave',
  'france-advises-citizens-leave',
  'bougouni-attack',
] as const;

/** A label the timeline writes directly beside the marks of `ids` (one label may name several events). */
export interface KeyEventLabel {
  /** Event ids the label names, in date order. */
  ids: string[];
  /** Interface string of the label ("Coups"). */
  label: UiKey;
  /** Interface string of each event's own label, used when one of them is highlighted and the group splits ("Coup"). */
  each?: UiKey;
  /**
   * The era whose bar starts or ends at these events and whose label names
   * them ("Two coups"): where the pane is too short for every label, the
   * chart may let that era's label speak for them.
   */
  era?: string;
}

/**
 * The key events each range labels directly on the chart (issue 8): the 2012
 * coup, the 2013 French intervention, the 2020 and 2021 coups, the Western
 * condemnation of Wagner's deployment (December 2021, not the deployment,
 * which no source dates), the founding of the Alliance of Sahel States and
 * the blockade; zoomed in, the blockade's main events. Every other event is
 * labelled on hover and keyboard focus, and in the table. Each id must exist
 * in `content/events/`.
 */
export const TIMELINE_KEY_EVENTS: Record<TimelineRange, KeyEventLabel[]> = {
  all: [
    { ids: ['coup-2012'], label: 'chart.timeline.key.coup', era: 'rebellion-and-intervention' },
    { ids: ['operation-serval'], label: 'chart.timeline.key.operation-serval', era: 'rebellion-and-intervention' },
    { ids: ['coup-2020', 'coup-2021'], label: 'chart.timeline.key.coups', each: 'chart.timeline.key.coup', era: 'coups' },
    // The era of Russian forces starts "by" this date; its label does not name the condemnation, so this label always shows.
    { ids: ['wagner-deployment-condemned'], label: 'chart.timeline.key.wagner-deployment-condemned' },
    { ids: ['sahel-alliance-founded'], label: 'chart.timeline.key.sahel-alliance-founded', era: 'sahel-alliance' },
    { ids: ['jnim-declares-blockade'], label: 'chart.timeline.key.jnim-declares-blockade', era: 'blockade' },
  ],
  blockade: [
    { ids: ['jnim-declares-blockade'], label: 'chart.timeline.key.blockade-declared' },
    { ids: ['sept-14-convoy-attack'], label: 'chart.timeline.key.sept-14-convoy-attack' },
    { ids: ['schools-closed'], label: 'chart.timeline.key.schools-closed' },
    { ids: ['bougouni-attack'], label: 'chart.timeline.key.bougouni-attack' },
  ],
};

/** `[start, end)` of each range as partial dates: `all` is 2012 to the end of 2025, `blockade` September to December 2025. */
export const TIMELINE_RANGES: Record<TimelineRange, [string, string]> = {
  all: ['2012', '2025'],
  blockade: ['2025-09', '2025-12'],
};

/** The `[start, end)` instants (UTC) of a range. */
export function timelineDomain(range: TimelineRange): [Date, Date] {
  const [from, to] = TIMELINE_RANGES[range];
  return [periodOf(from)[0], periodOf(to)[1]];
}

/** An era as the timeline draws it. */
export interface TimelineEra {
  id: string;
  title: string;
  /** First instant (UTC) of the era; for an `undated` start, the timeline's first instant. */
  start: Date;
  /** First instant after the era: an era ending "2013" runs to the end of 2013; an `ongoing` one to the end of the story's last day. */
  end: Date;
  /** How sure the start is: `on` its date, `by` it (it may have begun earlier), `around` it, or `undated`. */
  startQualifier: EraBound['qualifier'];
  /** How sure the end is: `on`, `by`, `around`, or `ongoing` (not ended as the story closes). */
  endQualifier: EraBound['qualifier'];
  /** The era's dates for readers: "2012–2013", "by 23 December 2021 – continuing". */
  dateLabel: string;
  sources: string[];
}

/** An event as the timeline draws it. */
export interface TimelineEvent {
  id: string;
  title: string;
  summary: string;
  /** The partial date as written. */
  date: string;
  /** `on` the date, `by` it, or `around` it. */
  qualifier: EventData['qualifier'];
  precision: EventData['precision'];
  /** First instant (UTC) of the event's period (its day, month or year). */
  start: Date;
  /** First instant after the period, or after `end` for a span ("27 Oct – 9 Nov" covers 9 Nov). */
  end: Date;
  /** True when the event lasts more than its date's own period (it has an `end`). */
  isSpan: boolean;
  /** "14 September 2025", "by 31 December 2023", "27 October – 9 November 2025". */
  dateLabel: string;
  sources: string[];
}

/** Everything the timeline draws and lists. */
export interface TimelineData {
  eras: TimelineEra[];
  /** Events from 2012 to the end of 2025, in date order. */
  events: TimelineEvent[];
  /** Outlets of all eras and events, first-seen order. */
  outlets: string[];
  /** The latest date the data reaches, formatted ("9 November 2025"). */
  asOfLabel: string;
}

function toEra(era: EraData, story: Pick<StoryData, 'locale' | 'currentTo'>): TimelineEra {
  const [domainStart] = timelineDomain('all');
  const start = boundDate(era.start);
  const end = boundDate(era.end);
  return {
    id: era.id,
    title: era.title,
    start: start ? periodOf(start)[0] : domainStart,
    end: endOfPeriod(end ?? story.currentTo),
    startQualifier: era.start.qualifier,
    endQualifier: era.end.qualifier,
    dateLabel: formatEraSpan(era.start, era.end, story.locale),
    sources: era.sources,
  };
}

function toEvent(event: EventData, locale: StoryData['locale']): TimelineEvent {
  const [start, end] = periodOf(event.date, event.end);
  return {
    id: event.id,
    title: event.title,
    summary: event.summary,
    date: event.date,
    qualifier: event.qualifier,
    precision: event.precision,
    start,
    end,
    isSpan: event.end !== undefined && event.end !== event.date,
    dateLabel: event.end
      ? formatDateRange(event.date, event.end, locale)
      : formatQualifiedDate({ qualifier: event.qualifier, date: event.date }, locale),
    sources: event.sources,
  };
}

/**
 * Eras and events for the timeline, from `story.eras` and `story.events`.
 * Keeps every era and every event between 2012 and the end of 2025.
 * Throws an error naming the id when an era or event of
 * `TIMELINE_ERA_IDS` / `TIMELINE_EVENT_IDS` is missing.
 */
export function deriveTimeline(story: StoryData): TimelineData {
  for (const id of TIMELINE_ERA_IDS) requireEra(story, id, 'timeline');
  for (const id of TIMELINE_EVENT_IDS) requireEvent(story, id, 'timeline');
  for (const { ids, era } of Object.values(TIMELINE_KEY_EVENTS).flat()) {
    for (const id of ids) requireEvent(story, id, 'timeline');
    if (era) requireEra(story, era, 'timeline');
  }
  const [from, to] = timelineDomain('all');
  const eras = story.eras.map((e) => toEra(e, story)).sort((a, b) => +a.start - +b.start || +a.end - +b.end);
  const events = story.events
    .map((e) => toEvent(e, story.locale))
    .filter((e) => e.end > from && e.start < to)
    .sort((a, b) => +a.start - +b.start || a.id.localeCompare(b.id));
  const outlets = outletsOf(story, [...eras.flatMap((e) => e.sources), ...events.flatMap((e) => e.sources)], 'timeline');
  const latest = latestDate(story.events.filter((e) => events.some((v) => v.id === e.id)).map((e) => e.end ?? e.date));
  return { eras, events, outlets, asOfLabel: latest ? formatDate(latest, story.locale) : '' };
}

/** Eras and events that overlap `range`. */
export function inRange(data: TimelineData, range: TimelineRange): { eras: TimelineEra[]; events: TimelineEvent[] } {
  const [from, to] = timelineDomain(range);
  const overlaps = (s: { start: Date; end: Date }) => s.end > from && s.start < to;
  return { eras: data.eras.filter(overlaps), events: data.events.filter(overlaps) };
}

/**
 * The event a timeline scene highlights, or undefined when it names none.
 * Throws an error naming the scene and the id when the scene highlights an
 * event the timeline does not have, or one outside the scene's range
 * (it could not be seen).
 */
export function highlightedEvent(data: TimelineData, scene: Pick<TimelineSceneData, 'id' | 'highlight'> & { range?: TimelineRange }): TimelineEvent | undefined {
  if (!scene.highlight) return undefined;
  const event = data.events.find((e) => e.id === scene.highlight);
  if (!event) {
    throw new Error(`timeline chart: scene "${scene.id}" highlights event "${scene.highlight}", which is not on the timeline (content/events/${scene.highlight}.yaml, 2012–2025)`);
  }
  if (scene.range && !inRange(data, scene.range).events.includes(event)) {
    throw new Error(`timeline chart: scene "${scene.id}" highlights event "${scene.highlight}", which is outside its range "${scene.range}" (content/scenes/${scene.id}.yaml)`);
  }
  return event;
}

/**
 * The timeline's text alternative for a scene: a short title and a longer
 * description (scale, what is shown, the highlighted event).
 */
export function describeTimeline(data: TimelineData, scene: Pick<TimelineSceneData, 'id' | 'range' | 'highlight'>, locale: StoryData['locale']): { heading: string; title: string; desc: string } {
  const [from, to] = TIMELINE_RANGES[scene.range];
  const heading = t(locale, scene.range === 'all' ? 'chart.timeline.heading.all' : 'chart.timeline.heading.blockade');
  const { eras, events } = inRange(data, scene.range);
  const parts = [
    t(locale, 'chart.timeline.desc.scale', {
      range: formatDateRange(from, to, locale),
      eras: eras.map((e) => `${e.title} (${e.dateLabel})`).join('; '),
      count: events.length,
    }),
  ];
  const highlight = highlightedEvent(data, scene);
  if (highlight) parts.push(t(locale, 'chart.timeline.desc.highlight', { title: highlight.title, date: highlight.dateLabel }));
  parts.push(t(locale, 'chart.desc.table'));
  return { heading, title: t(locale, 'chart.timeline.title', { heading }), desc: parts.join(' ') };
}

/** A direct label of the chart: its text and the events it names. */
export interface TimelineKeyLabel {
  /** Stable id (the first event's id, or the group's ids joined). */
  id: string;
  text: string;
  eventIds: string[];
  /** The era whose label may speak for these events when space is short. */
  era?: string;
}

/**
 * The key-event labels `range` writes on the chart, in `locale`, leaving out
 * the highlighted event (its own annotation names it): a group whose member
 * is highlighted splits into its other members' own labels. Pure.
 */
export function keyLabels(range: TimelineRange, highlightId: string | undefined, locale: StoryData['locale']): TimelineKeyLabel[] {
  const out: TimelineKeyLabel[] = [];
  for (const key of TIMELINE_KEY_EVENTS[range]) {
    if (!highlightId || !key.ids.includes(highlightId)) {
      out.push({ id: key.ids.join('+'), text: t(locale, key.label), eventIds: key.ids, era: key.era });
      continue;
    }
    for (const id of key.ids) if (id !== highlightId) out.push({ id, text: t(locale, key.each ?? key.label), eventIds: [id], era: key.era });
  }
  return out;
}

/**
 * The outlets behind what a scene shows, most relevant first: the
 * highlighted event's, then the eras' and events' in the range, in date
 * order (each outlet once). Throws like `outletsOf` on a missing source.
 */
export function timelineOutlets(story: StoryData, data: TimelineData, scene: Pick<TimelineSceneData, 'id' | 'range' | 'highlight'>): string[] {
  const { eras, events } = inRange(data, scene.range);
  const highlight = highlightedEvent(data, scene);
  return outletsOf(story, [...(highlight?.sources ?? []), ...eras.flatMap((e) => e.sources), ...events.flatMap((e) => e.sources)], 'timeline');
}
