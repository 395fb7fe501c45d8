/**
 * The legend of a map scene: one item per visible symbol, plus a source line.
 *
 * `legendFor` is pure (scene + story → items), used by the WebGL map, the
 * SVG renderer and the tests; `renderLegend` draws it into the page.
 * Rules: every visible symbol is explained; route layers say "schematic
 * route"; editorial circles say "approximate"; Mali's regions say their
 * boundaries are Natural Earth's.
 */
import type { LayerId, MapSceneData, StoryData } from '../story/types';
import { t } from '../i18n/ui';
import { formatDate } from '../i18n/format';
import { SYMBOLS, type SymbolName } from './symbols';
import { visibleLayers } from './scene-layers';

export interface LegendItem {
  /** Stable key, for tests and the DOM (`data-legend`). */
  key: string;
  /** How the swatch is drawn (see symbols.ts). */
  symbol: SymbolName;
  /** Text in the story's locale. */
  label: string;
  /** The layer it explains, or `places` for the highlighted-place markers. */
  layer: LayerId | 'places';
  /**
   * True for the base map's items (Mali, other countries), which the map's
   * own country labels already explain: compact legends (phones) leave them out.
   */
  base?: boolean;
}

export interface Legend {
  title: string;
  items: LegendItem[];
  /** "Map data: Natural Earth; place coordinates: GeoNames. Sources: …". */
  sourceLine: string;
}

/** Sources already named by the map credit. */
const MAP_DATA_SOURCES = new Set(['natural-earth', 'geonames']);

/** Legend entries of each layer: [symbol, ui.ts key]. */
const ITEMS: Record<LayerId, [SymbolName, string][]> = {
  countries: [
    ['mali', 'map.legend.mali'],
    ['country', 'map.legend.countries'],
  ],
  rivers: [['river', 'map.legend.rivers']],
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

/** Event whose date the Bougouni legend item prints. */
const BOUGOUNI_EVENT = 'bougouni-attack';

/**
 * The legend for `scene`: items for every visible layer (in LAYER_IDS order)
 * and for the highlighted places' markers, and the source line naming Natural
 * Earth, GeoNames and the outlets of the scene's sources.
 * Throws if a highlighted place or a source is not in `story`.
 */
export function legendFor(scene: MapSceneData, story: StoryData): Legend {
  const l = story.locale;
  const qualifiers = { schematic: t(l, 'map.schematic'), approximate: t(l, 'map.approximate') };
  const items: LegendItem[] = [];
  for (const layer of visibleLayers(scene)) {
    for (const [symbol, key] of ITEMS[layer]) {
      const event = layer === 'bougouni-attack' ? story.events.find((e) => e.id === BOUGOUNI_EVENT) : undefined;
      if (layer === 'bougouni-attack' && !event) throw new Error(`the map legend needs event "${BOUGOUNI_EVENT}" (content/events/)`);
      const label = t(l, key, { ...qualifiers, ...(event ? { date: formatDate(event.date, l) } : {}) });
      items.push({ key: `${layer}:${symbol}`, symbol, label, layer, ...(layer === 'countries' ? { base: true } : {}) });
    }
  }
  const kinds = scene.highlight.map((id) => {
    const place = story.places[id];
    if (!place) throw new Error(`map scene "${scene.id}" highlights place "${id}", which is not in content/places/`);
    return place.kind;
  });
  if (kinds.includes('capital')) items.push({ key: 'places:capital', symbol: 'capital', label: t(l, 'map.legend.capital'), layer: 'places' });
  if (kinds.some((k) => k !== 'capital')) items.push({ key: 'places:town', symbol: 'town', label: t(l, 'map.legend.town'), layer: 'places' });

  const outlets = [
    ...new Set(
      scene.sources
        .filter((id) => !MAP_DATA_SOURCES.has(id))
        .map((id) => {
          const source = story.sources[id];
          if (!source) throw new Error(`map scene "${scene.id}" cites source "${id}", which is not in content/sources/`);
          return source.outlet;
        }),
    ),
  ];
  const credit = t(l, 'map.credit');
  return {
    title: t(l, 'map.legend'),
    items,
    sourceLine: outlets.length > 0 ? t(l, 'map.sourceLine', { credit, sources: outlets.join(', ') }) : credit,
  };
}

const num = (n: number) => String(Math.round(n * 100) / 100);

/**
 * SVG markup (no wrapper) drawing `symbol` in a `size`×`size` px box whose
 * top-left corner is (x, y). Used inside the legend swatches of both the DOM
 * legend and the SVG map.
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
  const r = Math.min(s.radius, size / 2 - s.strokeWidth / 2);
  return `<circle cx="${num(x + size / 2)}" cy="${num(mid)}" r="${num(r)}" fill="${s.fill}" fill-opacity="${s.fillOpacity}" stroke="${s.stroke}" stroke-width="${s.strokeWidth}"/>`;
}

/** A standalone swatch `<svg>` of `size` px for the DOM legend (decorative: aria-hidden). */
export function swatchSvg(name: SymbolName, size = 20): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" aria-hidden="true" focusable="false">${swatchShapes(name, 0, 0, size)}</svg>`;
}

/**
 * Replaces the contents of `el` with `legend`: a title, a list of swatches
 * with labels, and the source line. Labels are set as text, never as HTML.
 * Base items carry `data-base` so a compact (phone) stylesheet can hide them.
 * `options.title` false leaves the title out (when the page shows its own).
 */
export function renderLegend(el: HTMLElement, legend: Legend, options: { title?: boolean } = {}): void {
  const doc = el.ownerDocument;
  const title = doc.createElement('p');
  title.className = 'map-legend__title';
  title.textContent = legend.title;
  const list = doc.createElement('ul');
  list.className = 'map-legend__items';
  for (const item of legend.items) {
    const li = doc.createElement('li');
    li.dataset.legend = item.key;
    if (item.base) li.dataset.base = '';
    const swatch = doc.createElement('span');
    swatch.className = 'map-legend__swatch';
    swatch.innerHTML = swatchSvg(item.symbol);
    const label = doc.createElement('span');
    label.textContent = item.label;
    li.append(swatch, label);
    list.append(li);
  }
  const source = doc.createElement('p');
  source.className = 'map-legend__source';
  source.textContent = legend.sourceLine;
  el.replaceChildren(...(options.title === false ? [] : [title]), list, source);
}
