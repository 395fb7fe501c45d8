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
import type { DatePrecision, DateQualifier, EraBound } from '../content/dates';

export type { LayerId, Locale, DatePrecision, DateQualifier, EraBound };

/** [[west, south], [east, north]] in degrees. */
export type Bounds = [[number, number], [number, number]];

export interface SourceData {
  id: string;
  outlet: string;
  title?: string;
  /** Partial date: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  url?: string;
  /** How we reached it, in the page's locale. */
  via?: string;
  licence?: string;
  /** Language of the piece: a quotation from a piece in another language than the page's is translated. */
  language: 'en' | 'fr';
}

export interface PlaceData {
  id: string;
  name: string;
  /** Degrees, WGS84. */
  lat: number;
  lon: number;
  kind: 'capital' | 'city' | 'town';
  /** ISO 3166-1 alpha-2. */
  country: string;
  note?: string;
}

export interface EventData {
  id: string;
  title: string;
  /** Partial date: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** `on` the date, `by` it (no earlier bound given) or `around` it. */
  qualifier: DateQualifier;
  precision: DatePrecision;
  end?: string;
  summary: string;
  places: string[];
  sources: string[];
}

export interface EraData {
  id: string;
  title: string;
  /** A qualified date, or `undated` when no source dates the start. */
  start: EraBound;
  /** A qualified date, or `ongoing` when the era continues as the story closes. */
  end: EraBound;
  sources: string[];
}

export interface FigureData {
  id: string;
  label: string;
  /** The number, or the lower end of a range. */
  value: number;
  /** The upper end of a range, when the source gives one. */
  upper?: number;
  /** The source's own words for the number. */
  reported: string;
  unit: 'count' | 'percent' | 'usd' | 'tonnes' | 'km' | 'days';
  /** What a count counts, plural, in the page's locale ("tanker trucks"). */
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
  /** The figure's headline, in the page's locale. */
  title: string;
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
  /** The date the story is current to (partial date): where `ongoing` eras end on the timeline. */
  currentTo: string;
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
