/**
 * Test fixtures for the map modules: a `StoryData` read straight from the
 * YAML in content/ (places, views, sources, events, map scenes), without
 * Astro, and the built geography from public/data/geo/.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Topology } from 'topojson-specification';
import type { MapSceneData, StoryData } from '../../src/story/types';
import { geoDataFromTopology, GEO_FILE, type GeoData } from '../../src/map/geo-data';
import { parseQualifiedDate, precisionOf } from '../../src/content/dates';

/** The repository root: tests run from it (vitest's working directory). */
const root = process.cwd();
const contentDir = process.env.CONTENT_DIR ?? join(root, 'content');

function records(collection: string): Record<string, Record<string, unknown>> {
  const dir = join(contentDir, collection);
  const out: Record<string, Record<string, unknown>> = {};
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    out[file.replace(/\.ya?ml$/, '')] = parse(readFileSync(join(dir, file), 'utf8'), { schema: 'core' });
  }
  return out;
}

const asString = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
/** English text of a localized field (`{ en, fr }`), or a plain string as is. */
const en = (v: unknown) => (typeof v === 'object' && v !== null ? String((v as { en: string }).en) : v === undefined ? undefined : String(v));

/** The story's map-relevant data from content/ (English): places, views, sources, events, figures, map scenes. */
export function loadFixtureStory(): StoryData {
  const places = records('places');
  const views = records('views');
  const sources = records('sources');
  const events = records('events');
  const scenes = records('scenes');
  const figures = records('figures');
  return {
    locale: 'en',
    base: '/',
    currentTo: '2025-12-07',
    places: Object.fromEntries(
      Object.entries(places).map(([id, p]) => [
        id,
        { id, name: en(p.name)!, lat: Number(p.lat), lon: Number(p.lon), kind: p.kind as never, country: String(p.country) },
      ]),
    ),
    views: Object.fromEntries(
      Object.entries(views).map(([id, v]) => [
        id,
        { id, title: en(v.title)!, bounds: v.bounds as never, bearing: Number(v.bearing ?? 0), pitch: Number(v.pitch ?? 0) },
      ]),
    ),
    sources: Object.fromEntries(
      Object.entries(sources).map(([id, s]) => [id, { id, outlet: en(s.outlet)!, date: asString(s.date), language: (s.language as 'en' | 'fr') ?? 'en' }]),
    ),
    events: Object.entries(events).map(([id, e]) => {
      const { qualifier, date } = parseQualifiedDate(asString(e.date));
      return {
      id,
      title: en(e.title)!,
      date,
      ...(e.end !== undefined ? { end: asString(e.end) } : {}),
      qualifier,
      precision: precisionOf(date),
      summary: en(e.summary)!,
      places: (e.places as string[]) ?? [],
      sources: (e.sources as string[]) ?? [],
      };
    }),
    eras: [],
    figures: Object.fromEntries(
      Object.entries(figures).map(([id, f]) => [
        id,
        {
          id,
          label: en(f.label)!,
          value: Number(f.value),
          ...(f.upper !== undefined ? { upper: Number(f.upper) } : {}),
          reported: String(f.reported ?? ''),
          unit: f.unit as never,
          ...(f.counts !== undefined ? { counts: en(f.counts) } : {}),
          estimate: f.estimate as never,
          asOf: asString(f.asOf),
          source: String(f.source),
        },
      ]),
    ),
    scenes: Object.fromEntries(
      Object.entries(scenes)
        .filter(([, s]) => s.graphic === 'map')
        .map(([id, s]) => [
          id,
          {
            id,
            graphic: 'map',
            view: String(s.view),
            layers: (s.layers as never) ?? [],
            highlight: (s.highlight as string[]) ?? [],
            title: en(s.title)!,
            description: (s.description as { en: string }).en,
            sources: (s.sources as string[]) ?? [],
          } satisfies MapSceneData,
        ]),
    ),
  };
}

/** The map scenes of the fixture story. */
export function mapScenes(story: StoryData): MapSceneData[] {
  return Object.values(story.scenes).filter((s): s is MapSceneData => s.graphic === 'map');
}

/** The built geography (run `npm run geodata` first). */
export function loadFixtureGeo(): GeoData {
  return geoDataFromTopology(JSON.parse(readFileSync(join(root, 'public', GEO_FILE), 'utf8')) as Topology);
}

export const GEO_DIR = join(root, 'public', 'data', 'geo');
