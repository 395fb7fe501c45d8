/**
 * The key of a map scene and its caption line.
 *
 * `legendFor` is pure (scene + story → items and caption), used by the WebGL
 * map, the SVG renderers and the tests; `renderLegendItems` draws the items
 * into the page. Rules:
 * - the key explains what the scene adds to the base map, one item per
 *   symbol; the base map (Mali, other countries, rivers) is explained by the
 *   labels on the map and has no item;
 * - route items say "schematic route"; area items say "approximate" or
 *   "in or near"; dates come from content/events, never typed;
 * - the place markers share one row ("Capital", "City or town");
 * - every credit (the scene's sources, the routes' own sources, Natural Earth,
 *   GeoNames) is in the caption under the map, not in the key.
 * Each swatch is drawn from the same SYMBOLS entry as the map's symbol, at
 * the same stroke widths, dashes and point radii.
 */
import type { LayerId, MapSceneData, StoryData } from '../story/types';
import { t } from '../i18n/ui';
import { formatDate, formatDateRange } from '../i18n/format';
import { SYMBOLS, pointDiameter, type PointSymbolName, type SymbolName } from './symbols';
import { visibleLayers } from './scene-layers';
import { ROUTE_SOURCES, type RouteLayer } from './overlays';
import { placeSymbols } from './labels';

export interface LegendItem {
  /** Stable key, for tests and the DOM (`data-legend`). */
  key: string;
  /** How the swatch is drawn (see symbols.ts). */
  symbol: SymbolName;
  /** Text in the story's locale. */
  label: string;
  /** The layer it explains, or `places` for the highlighted-place markers. */
  layer: LayerId | 'places';
  /** Items that share a row with their inline neighbours (the place markers). */
  inline?: boolean;
}

export interface Legend {
  /** The key's name ("Key"). */
  title: string;
  items: LegendItem[];
  /** The caption under the map: the scene's sources, the routes' sources, the map data. */
  caption: string;
  /**
   * "as of <date>": the date of the newest report the key's sources include
   * (the scene's and the routes'), formatted; '' when they carry none.
   */
  asOf: string;
}

/** Sources already named by the map credit. */
const MAP_DATA_SOURCES = new Set(['natural-earth', 'geonames']);

/** Key entries of each layer: [symbol, ui.ts key]. Base layers have none (labels explain them). */
const ITEMS: Record<LayerId, [SymbolName, string][]> = {
  countries: [],
  rivers: [],
  'mali-regions': [['regionBorder', 'map.legend.regions']],
  'kayes-region': [['kayesRegion', 'map.legend.kayesRegion']],
  corridor: [['corridor', 'map.legend.corridor']],
  'escort-route': [['escortRoute', 'map.legend.escortRoute']],
  'niger-convoy-route': [['nigerRoute', 'map.legend.nigerRoute']],
  'attack-area': [['attackArea', 'map.legend.attackArea']],
  airstrikes: [['airstrikeArea', 'map.legend.airstrikes']],
  'convoy-origins': [['convoyOrigin', 'map.legend.convoyOrigins']],
  'fuel-ban': [['fuelBan', 'map.legend.fuelBan']],
  'blockade-areas': [['blockadeArea', 'map.legend.blockadeAreas']],
  'northern-towns-fall': [['townFell', 'map.legend.northernTownsFall']],
  'bougouni-attack': [['bougouniArea', 'map.legend.bougouniAttack']],
  alliances: [
    ['aes', 'map.legend.aes'],
    ['ecowas', 'map.legend.ecowas'],
  ],
  'bamako-outskirts': [['outskirts', 'map.legend.outskirts']],
};

/** Events whose dates a layer's key item prints (ids in content/events). */
const ITEM_EVENTS: Partial<Record<LayerId, string>> = {
  'bougouni-attack': 'bougouni-attack',
  'northern-towns-fall': 'northern-cities-fall',
};

/** Outlets of `ids` (content/sources), once each, map-data credits left out. Throws on an unknown id. */
function outlets(ids: readonly string[], story: StoryData, scene: MapSceneData): string[] {
  return [
    ...new Set(
      ids
        .filter((id) => !MAP_DATA_SOURCES.has(id))
        .map((id) => {
          const source = story.sources[id];
          if (!source) throw new Error(`map scene "${scene.id}" cites source "${id}", which is not in content/sources/`);
          return source.outlet;
        }),
    ),
  ];
}

/**
 * The key for `scene`: items for every visible non-base layer (in LAYER_IDS
 * order) and for the highlighted places' markers, and the caption naming the
 * scene's outlets, the routes' own sources (ROUTE_SOURCES) and the map data.
 * Throws if a highlighted place, a source or a dated event is not in `story`.
 */
export function legendFor(scene: MapSceneData, story: StoryData): Legend {
  const l = story.locale;
  const qualifiers = { schematic: t(l, 'map.schematic'), approximate: t(l, 'map.approximate') };
  const items: LegendItem[] = [];
  const layers = visibleLayers(scene);
  for (const layer of layers) {
    for (const [symbol, key] of ITEMS[layer]) {
      const values: Record<string, string> = { ...qualifiers };
      const eventId = ITEM_EVENTS[layer];
      if (eventId) {
        const event = story.events.find((e) => e.id === eventId);
        if (!event) throw new Error(`the map legend needs event "${eventId}" (content/events/)`);
        values.date = formatDate(event.date, l);
        values.dates = event.end ? formatDateRange(event.date, event.end, l) : values.date;
      }
      items.push({ key: `${layer}:${symbol}`, symbol, label: t(l, key, values), layer });
    }
  }
  const symbols = placeSymbols(scene, story);
  if (symbols.has('capital')) items.push({ key: 'places:capital', symbol: 'capital', label: t(l, 'map.legend.capital'), layer: 'places', inline: true });
  if (symbols.has('town')) items.push({ key: 'places:town', symbol: 'town', label: t(l, 'map.legend.town'), layer: 'places', inline: true });

  const routes = layers.filter((layer): layer is RouteLayer => layer in ROUTE_SOURCES);
  const sceneOutlets = outlets(scene.sources, story, scene);
  const routeOutlets = outlets(
    routes.flatMap((r) => ROUTE_SOURCES[r]),
    story,
    scene,
  );
  const caption = [
    ...(sceneOutlets.length ? [t(l, 'map.caption.sources', { sources: sceneOutlets.join(', ') })] : []),
    ...(routeOutlets.length ? [t(l, 'map.caption.routes', { sources: routeOutlets.join(', ') })] : []),
    t(l, 'map.credit'),
  ].join(' ');
  const newest = [...scene.sources, ...routes.flatMap((r) => ROUTE_SOURCES[r])]
    .filter((id) => !MAP_DATA_SOURCES.has(id))
    .map((id) => story.sources[id]!.date)
    .sort()
    .at(-1);
  const asOf = newest ? t(l, 'graphic.asOf', { date: formatDate(newest, l) }) : '';
  return { title: t(l, 'map.legend'), items, caption, asOf };
}

/**
 * The caption a standalone figure prints (static SVGs, embeds, print): the
 * key's caption, then its as-of date as a sentence ("As of September 2025.").
 */
export function figureCaption(legend: Pick<Legend, 'caption' | 'asOf'>): string {
  if (!legend.asOf) return legend.caption;
  return `${legend.caption} ${legend.asOf.charAt(0).toUpperCase()}${legend.asOf.slice(1)}.`;
}

const num = (n: number) => String(Math.round(n * 100) / 100);

/** Side in CSS px of the square swatch of `name`: 20, or a point symbol's diameter plus 2 when larger. */
export function swatchSize(name: SymbolName): number {
  const s = SYMBOLS[name];
  return s.kind === 'point' ? Math.max(20, Math.ceil(pointDiameter(name as PointSymbolName)) + 2) : 20;
}

/**
 * SVG markup (no wrapper) drawing `symbol` in a `size`×`size` px box whose
 * top-left corner is (x, y), at the map's own stroke widths, dashes and
 * radii (lines and casings are capped to the box). Used by the DOM legend and
 * the SVG maps' legends.
 */
export function swatchShapes(name: SymbolName, x: number, y: number, size: number): string {
  const s = SYMBOLS[name];
  const mid = y + size / 2;
  if (s.kind === 'area') {
    const dash = 'dash' in s && s.dash ? ` stroke-dasharray="${s.dash.map((d) => num(d * s.strokeWidth)).join(' ')}"` : '';
    const inset = s.strokeWidth / 2 + 1;
    return (
      `<rect x="${num(x + inset)}" y="${num(y + inset)}" width="${num(size - 2 * inset)}" height="${num(size - 2 * inset)}" ` +
      `fill="${s.fill}" fill-opacity="${s.fillOpacity}" stroke="${s.stroke}" stroke-width="${s.strokeWidth}"${dash}/>`
    );
  }
  if (s.kind === 'line') {
    const d = `M${num(x + 1)} ${num(mid)}H${num(x + size - 1)}`;
    const dash = 'dash' in s && s.dash ? ` stroke-dasharray="${s.dash.map((v) => num(v * s.strokeWidth)).join(' ')}"` : '';
    const width = Math.min(s.strokeWidth, size * 0.6);
    const casing =
      'casing' in s && s.casing ? `<path d="${d}" stroke="#ffffff" stroke-width="${Math.min(s.casing, size * 0.8)}" fill="none"/>` : '';
    return `${casing}<path d="${d}" stroke="${s.stroke}" stroke-opacity="${s.opacity}" stroke-width="${num(width)}" fill="none"${dash}/>`;
  }
  return `<circle cx="${num(x + size / 2)}" cy="${num(mid)}" r="${num(s.radius)}" fill="${s.fill}" fill-opacity="${s.fillOpacity}" stroke="${s.stroke}" stroke-width="${s.strokeWidth}"/>`;
}

/** A standalone swatch `<svg>` for the DOM legend, `swatchSize(name)` px square (decorative: aria-hidden). */
export function swatchSvg(name: SymbolName): string {
  const size = swatchSize(name);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" aria-hidden="true" focusable="false" data-symbol="${name}">${swatchShapes(name, 0, 0, size)}</svg>`;
}

/**
 * Replaces the contents of `list` (a `<ul>`) with the key's items: a swatch
 * and a label each, consecutive inline items (the place markers) sharing one
 * `<li>`. Labels are set as text, never as HTML.
 */
export function renderLegendItems(list: HTMLElement, legend: Legend): void {
  const doc = list.ownerDocument;
  const rows: HTMLElement[] = [];
  let inlineRow: HTMLElement | undefined;
  for (const item of legend.items) {
    const entry = doc.createElement('span');
    entry.className = 'map-legend__entry';
    entry.dataset.legend = item.key;
    const swatch = doc.createElement('span');
    swatch.className = 'map-legend__swatch';
    swatch.innerHTML = swatchSvg(item.symbol);
    const label = doc.createElement('span');
    label.className = 'map-legend__label';
    label.textContent = item.label;
    entry.append(swatch, label);
    if (item.inline && inlineRow) {
      inlineRow.append(entry);
      continue;
    }
    const li = doc.createElement('li');
    li.append(entry);
    rows.push(li);
    inlineRow = item.inline ? li : undefined;
    if (item.inline) li.classList.add('is-inline');
  }
  list.replaceChildren(...rows);
}

/** Replaces the contents of `el` with one small swatch per item (the closed key's preview; decorative). */
export function renderLegendPeek(el: HTMLElement, legend: Legend): void {
  el.innerHTML = legend.items.map((item) => swatchSvg(item.symbol)).join('');
}
