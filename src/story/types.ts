/**
 * The story's data as the browser receives it: plain, JSON-serialisable
 * objects resolved from the content collections by `src/content/story-data.ts`
 * (references become ids, localized text becomes the page's locale).
 *
 * Every graphic module (map, charts) takes these shapes and nothing from
 * `astro:content`, so it runs the same in the scrolly, on an embed page and in
 * unit tests.
 */
import type { LayerId } from '../map/layer-ids';
import type { Locale } from '../i18n/locales';
import type { DatePrecision } from '../content/dates';

export type { LayerId, Locale, DatePrecision };

/** [[west, south], [east, north]] in degrees. */
export type Bounds = [[number, number], [number, number]];

export interface SourceData {
  id: string;
  outlet: string;
  title?: string;
  /** Partial date: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  url?: string;
  via?: string;
  licence?: string;
}

export interface PlaceData {
  id: string;
  name: string;
  /** Degrees, WGS84. */
  lat: number;
  lon: number;
  kind: 'capital' | 'city' | 'town' | 'border-crossing';
  /** ISO 3166-1 alpha-2. */
  country: string;
  note?: string;
}

export interface EventData {
  id: string;
  title: string;
  /** Partial date: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  precision: DatePrecision;
  end?: string;
  summary: string;
  places: string[];
  sources: string[];
}

export interface EraData {
  id: string;
  title: string;
  start: string;
  end: string;
  sources: string[];
}

export interface FigureData {
  id: string;
  label: string;
  value: number;
  unit: 'count' | 'percent' | 'usd' | 'tonnes';
  counts?: string;
  estimate: 'exact' | 'approximate' | 'at-least' | 'more-than';
  /** Partial date: YYYY, YYYY-MM or YYYY-MM-DD. */
  asOf: string;
  source: string;
  note?: string;
}

export interface ViewData {
  id: string;
  title: string;
  bounds: Bounds;
  /** Degrees clockwise from north. */
  bearing: number;
  /** Degrees from vertical. */
  pitch: number;
}

interface SceneCommon {
  id: string;
  /** One sentence for screen readers, in the page's locale. */
  description: string;
  sources: string[];
}

export interface MapSceneData extends SceneCommon {
  graphic: 'map';
  view: string;
  layers: LayerId[];
  highlight: string[];
}

export interface TimelineSceneData extends SceneCommon {
  graphic: 'timeline';
  range: 'all' | 'blockade';
  highlight?: string;
}

export interface FuelTrafficSceneData extends SceneCommon {
  graphic: 'fuel-traffic';
  stage: 'normal' | 'standstill' | 'burned' | 'sept-14';
}

export interface GoldShareSceneData extends SceneCommon {
  graphic: 'gold-share';
  stage: 'share' | 'compare';
}

export interface TradeSceneData extends SceneCommon {
  graphic: 'trade';
  stage: 'exports' | 'goods';
}

export interface BamakoLifeSceneData extends SceneCommon {
  graphic: 'bamako-life';
  stage: 'mid-september' | 'october-november';
}

export type ChartSceneData =
  | TimelineSceneData
  | FuelTrafficSceneData
  | GoldShareSceneData
  | TradeSceneData
  | BamakoLifeSceneData;

export type SceneData = MapSceneData | ChartSceneData;

/** Everything a graphic needs, keyed by id where lookups happen. */
export interface StoryData {
  locale: Locale;
  /** The site's base path, ending in "/" (import.meta.env.BASE_URL). */
  base: string;
  scenes: Record<string, SceneData>;
  views: Record<string, ViewData>;
  places: Record<string, PlaceData>;
  events: EventData[];
  eras: EraData[];
  figures: Record<string, FigureData>;
  sources: Record<string, SourceData>;
}

/** How a graphic should move to a new state. */
export interface RenderOptions {
  /** False under prefers-reduced-motion, on first paint and on deep links: jump, don't animate. */
  animate: boolean;
}

/**
 * A graphic the engine drives: it shows one scene at a time and can be told
 * its container changed size.
 */
export interface GraphicController<S extends SceneData = SceneData> {
  render(scene: S, options: RenderOptions): void;
  resize(): void;
}
