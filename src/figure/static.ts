/**
 * The figure unit's static image: one scene drawn at build time as a
 * standalone SVG (its drawing, key or legend, and source line with the "as
 * of" date), by the same renderers the story uses in the browser:
 * - maps: the d3-geo renderer (src/map/svg-map.ts, `chrome: 'figure'`);
 * - charts: the chart modules themselves (src/charts/static-svg.ts).
 *
 * Two variants per scene and language: `regular` (about 640 px wide: desktop,
 * print, embeds) and `narrow` (drawn about as wide as a phone shows it, so
 * its 12 px text stays 12 px there). Results are kept for the build, so the
 * routes that serve the SVGs (static-route.ts) and the components that size
 * their <img> (Figure.astro) draw each figure once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import type { ChartSceneData, MapSceneData, SceneData, StoryData } from '../story/types';
import { GEO_FILE, geoDataFromTopology, type GeoData } from '../map/geo-data';
import { renderMapSvg } from '../map/svg-map';
import { figureCaption, legendFor } from '../map/legend';
import { LEAD_NARROW_STATIC_SIZE, LEAD_STATIC_SIZE, NARROW_KEY_FONT, NARROW_LOCATOR_SIZE, NARROW_STATIC_SIZE, STATIC_SIZE } from '../map/static-size';
import { renderChartSvg } from '../charts/static-svg';

export type FigureVariant = 'regular' | 'narrow';

/** The scene of the lead graphic (drawn at LEAD_STATIC_SIZE, and LEAD_NARROW_STATIC_SIZE for phones; used by no step). */
export const LEAD_SCENE = 'map-lead';

/** Widths in CSS px of the chart figures: regular, and narrow (drawn as wide as a 375 px phone shows a step's figure, about 299 px, so 12 px text stays 12 px). */
export const CHART_STATIC_WIDTH = { regular: 640, narrow: 296 } as const;

export interface StaticFigure {
  /** The SVG document (image/svg+xml). */
  svg: string;
  /** Its intrinsic size in CSS px, for the <img>'s width and height. */
  width: number;
  height: number;
  /**
   * The source line the figure prints, as text: its outlets, then "as of"
   * the newest date they report (maps: the key's caption; charts: the
   * chart's own note).
   */
  sourceLine: string;
}

let geo: GeoData | undefined;

/**
 * The geography, read once per build from `public/` relative to the working
 * directory (the project root when Astro builds). Throws if `npm run geodata`
 * has not been run.
 */
function geography(): GeoData {
  geo ??= geoDataFromTopology(JSON.parse(readFileSync(join(process.cwd(), 'public', GEO_FILE), 'utf8')) as Topology);
  return geo;
}

const cache = new Map<string, StaticFigure>();

/**
 * The static figure of `scene` (a scene of `story`, in the story's locale) in
 * `variant`. Throws (failing the build) if the scene names a missing view,
 * place, event, figure or source.
 */
export function staticFigure(scene: SceneData, story: StoryData, variant: FigureVariant = 'regular'): StaticFigure {
  const key = `${story.locale}|${story.base}|${scene.id}|${variant}`;
  let figure = cache.get(key);
  if (!figure) {
    const { svg, sourceLine } = scene.graphic === 'map' ? mapSvg(scene, story, variant) : chartSvg(scene, story, variant);
    const [, width, height] = /^<svg[^>]*?\bwidth="([\d.]+)"[^>]*?\bheight="([\d.]+)"/.exec(svg) ?? [];
    if (!width || !height) throw new Error(`the static figure of scene "${scene.id}" has no width or height`);
    figure = { svg, width: Math.round(Number(width)), height: Math.round(Number(height)), sourceLine };
    cache.set(key, figure);
  }
  return figure;
}

type Drawn = Pick<StaticFigure, 'svg' | 'sourceLine'>;

function mapSvg(scene: MapSceneData, story: StoryData, variant: FigureVariant): Drawn {
  const narrow = variant === 'narrow';
  const lead = scene.id === LEAD_SCENE;
  const size = narrow ? (lead ? LEAD_NARROW_STATIC_SIZE : NARROW_STATIC_SIZE) : lead ? LEAD_STATIC_SIZE : STATIC_SIZE;
  const legend = legendFor(scene, story);
  const svg = renderMapSvg(scene, story, geography(), {
    ...size,
    chrome: 'figure',
    ...(narrow ? { keyFontSize: NARROW_KEY_FONT, locatorSize: NARROW_LOCATOR_SIZE } : {}),
    idPrefix: `map-${scene.id}${narrow ? '-narrow' : ''}`,
  });
  return { svg, sourceLine: figureCaption(legend) };
}

function chartSvg(scene: ChartSceneData, story: StoryData, variant: FigureVariant): Drawn {
  return renderChartSvg(scene, story, { width: CHART_STATIC_WIDTH[variant] });
}
