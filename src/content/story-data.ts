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
import { precisionOf } from './dates';
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

async function build(locale: Locale): Promise<StoryData> {
  const [sources, places, events, eras, figures, views, scenes] = await Promise.all([
    getCollection('sources'),
    getCollection('places'),
    getCollection('events'),
    getCollection('eras'),
    getCollection('figures'),
    getCollection('views'),
    getCollection('scenes'),
  ]);

  const problems = findBrokenReferences({ sources, places, events, eras, figures, views, scenes });
  if (problems.length > 0) {
    throw new Error(`Broken references in content/:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }

  const byId = <T extends { id: string }>(items: T[]) => Object.fromEntries(items.map((i) => [i.id, i]));

  const story: StoryData = {
    locale,
    base: import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`,
    sources: byId(sources.map(({ id, data }) => ({ id, ...data }))),
    places: byId(
      places.map(({ id, data }) => ({
        id,
        name: data.name,
        lat: data.lat,
        lon: data.lon,
        kind: data.kind,
        country: data.country,
        note: data.note,
      })),
    ),
    events: events
      .map(({ id, data }) => ({
        id,
        title: data.title,
        date: data.date,
        precision: precisionOf(data.date),
        end: data.end,
        summary: data.summary,
        places: ids(data.places),
        sources: ids(data.sources),
      }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
    eras: eras
      .map(({ id, data }) => ({ id, title: data.title, start: data.start, end: data.end, sources: ids(data.sources) }))
      .sort((a, b) => a.start.localeCompare(b.start)),
    figures: byId(figures.map(({ id, data }) => ({ id, ...data, source: data.source.id }))),
    views: byId(views.map(({ id, data }) => ({ id, ...data }))),
    scenes: byId(scenes.map((entry) => resolveScene(entry, locale))),
  };

  // Each chart scene must find the records its chart draws.
  const chartProblems = chartSceneProblems(story);
  if (chartProblems.length > 0) {
    throw new Error(`Chart scenes cannot be drawn:\n${chartProblems.map((p) => `  ${p}`).join('\n')}`);
  }
  return story;
}

function resolveScene({ id, data }: CollectionEntry<'scenes'>, locale: Locale): SceneData {
  const common = { id, description: data.description[locale] ?? data.description.en, sources: ids(data.sources) };
  switch (data.graphic) {
    case 'map':
      return { ...common, graphic: 'map', view: data.view.id, layers: data.layers, highlight: ids(data.highlight) };
    case 'timeline':
      return { ...common, graphic: 'timeline', range: data.range, highlight: data.highlight?.id };
    case 'fuel-traffic':
    case 'gold-share':
    case 'trade':
    case 'bamako-life':
      return { ...common, ...data, description: common.description, sources: common.sources } as SceneData;
  }
}
