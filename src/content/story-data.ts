/**
 * Loads the content collections at build time and resolves them into the
 * plain `StoryData` the graphics use (see `src/story/types.ts`).
 *
 * Before anything renders, every cross-reference is checked against the
 * records that exist; a broken one throws an error naming the file and the
 * field (Astro only logs these, so without this check the build would pass).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../i18n/locales';
import type { SceneData, StoryData } from '../story/types';
import { boundDate, precisionOf, type EraBound } from './dates';
import { findBrokenReferences } from './integrity';
import { chartSceneProblems } from '../charts/validate';

type Named = { id: string; collection: string };

const ids = (refs: Named[]): string[] => refs.map((r) => r.id);

/** One resolved story per locale, built once per build. */
const cache = new Map<Locale, Promise<StoryData>>();

/**
 * Every collection, validated and resolved for `locale`.
 * Throws when a record references another that does not exist, or a chart
 * scene lacks a record its chart draws.
 */
export function loadStory(locale: Locale = 'en'): Promise<StoryData> {
  let story = cache.get(locale);
  if (!story) {
    story = build(locale);
    cache.set(locale, story);
  }
  return story;
}

/** Localized text as content stores it: one entry per language. */
type Localized = Record<Locale, string>;

/**
 * `text` in `locale`: a plain string (a proper name) as is, or a localized
 * record's entry for `locale` (the schema requires every language).
 */
export function inLocale(text: string | Localized, locale: Locale): string;
export function inLocale(text: string | Localized | undefined, locale: Locale): string | undefined;
export function inLocale(text: string | Localized | undefined, locale: Locale): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return text[locale];
}

async function build(locale: Locale): Promise<StoryData> {
  const [sources, places, events, eras, figures, views, scenes, chapters] = await Promise.all([
    getCollection('sources'),
    getCollection('places'),
    getCollection('events'),
    getCollection('eras'),
    getCollection('figures'),
    getCollection('views'),
    getCollection('scenes'),
    getCollection('chapters'),
  ]);

  const problems = findBrokenReferences({ sources, places, events, eras, figures, views, scenes });
  if (problems.length > 0) {
    throw new Error(`Broken references in content/:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  const currentTo = chapters.find((c) => c.data.currentTo)?.data.currentTo;
  if (!currentTo) throw new Error('content/chapters: the closing chapter must give `currentTo`, the date the story is current to');

  const byId = <T extends { id: string }>(items: T[]) => Object.fromEntries(items.map((i) => [i.id, i]));
  const tr = (text: string | Localized): string => inLocale(text, locale);
  const trOptional = (text: string | Localized | undefined): string | undefined => inLocale(text, locale);

  const story: StoryData = {
    locale,
    base: import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`,
    currentTo,
    sources: byId(
      sources.map(({ id, data }) => ({ id, ...data, outlet: tr(data.outlet), via: trOptional(data.via) })),
    ),
    places: byId(
      places.map(({ id, data }) => ({
        id,
        name: tr(data.name),
        lat: data.lat,
        lon: data.lon,
        kind: data.kind,
        country: data.country,
        note: trOptional(data.note),
      })),
    ),
    events: events
      .map(({ id, data }) => ({
        id,
        title: tr(data.title),
        date: data.date.date,
        qualifier: data.date.qualifier,
        precision: precisionOf(data.date.date),
        end: data.end,
        summary: tr(data.summary),
        places: ids(data.places),
        sources: ids(data.sources),
      }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
    eras: eras
      .map(({ id, data }) => ({ id, title: tr(data.title), start: data.start, end: data.end, sources: ids(data.sources) }))
      .sort((a, b) => eraKey(a).localeCompare(eraKey(b)) || a.id.localeCompare(b.id)),
    figures: byId(
      figures.map(({ id, data }) => ({
        id,
        ...data,
        label: tr(data.label),
        counts: trOptional(data.counts),
        note: trOptional(data.note),
        source: data.source.id,
      })),
    ),
    views: byId(views.map(({ id, data }) => ({ id, ...data, title: tr(data.title) }))),
    scenes: byId(scenes.map((entry) => resolveScene(entry, locale))),
  };

  // Each chart scene must find the records its chart draws.
  const chartProblems = chartSceneProblems(story);
  if (chartProblems.length > 0) {
    throw new Error(`Chart scenes cannot be drawn:\n${chartProblems.map((p) => `  ${p}`).join('\n')}`);
  }
  return story;
}

/** Where an era sorts: its start date, or for an undated start, its end date. */
const eraKey = (era: { start: EraBound; end: EraBound }) => boundDate(era.start) ?? boundDate(era.end) ?? '';

function resolveScene({ id, data }: CollectionEntry<'scenes'>, locale: Locale): SceneData {
  const common = { id, title: inLocale(data.title, locale), description: inLocale(data.description, locale), sources: ids(data.sources) };
  switch (data.graphic) {
    case 'map':
      return { ...common, graphic: 'map', view: data.view.id, layers: data.layers, highlight: ids(data.highlight) };
    case 'timeline':
      return { ...common, graphic: 'timeline', range: data.range, highlight: data.highlight?.id };
    case 'fuel-traffic':
    case 'gold-share':
    case 'trade':
    case 'bamako-life':
      return { ...common, ...data, title: common.title, description: common.description, sources: common.sources } as SceneData;
  }
}
