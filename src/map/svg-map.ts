/**
 * The map as an SVG string, drawn with d3-geo from the same data, layers,
 * labels and legend as the WebGL map. It needs no DOM, so it serves both:
 * - at build time: the static image of every map scene (src/pages/maps/);
 * - in the browser: the fallback when WebGL is missing or MapLibre fails
 *   (the string is inserted into the map panel).
 *
 * The projection is Web Mercator set from the same camera as MapLibre
 * (camera.ts), so a view frames the same geography in both renderers.
 */
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import { geoMercator, geoPath, type GeoPermissibleObjects, type GeoStream } from 'd3-geo';
import type { LayerId, MapSceneData, StoryData } from '../story/types';
import { t } from '../i18n/ui';
import { fitView, TILE_SIZE, type Camera, type Layout, type Size } from './camera';
import type { CountryProperties, GeoData } from './geo-data';
import { buildOverlays, type Overlays } from './overlays';
import { legendFor, swatchShapes, type Legend } from './legend';
import { fontSize, labelCandidates, placeLabels, type PlacedLabel } from './labels';
import { AES, CONVOY_ORIGINS, FUEL_BAN } from './country-sets';
import { COLOURS, LABEL_SIZES, SYMBOLS, type SymbolName } from './symbols';
import { visibleLayers } from './scene-layers';

export interface SvgMapOptions {
  /** Drawing size in CSS px (the SVG scales to its box through its viewBox). */
  width: number;
  height: number;
  /**
   * Where the legend goes and what the camera keeps clear: `column` (legend
   * box bottom-left) or `stacked` (portrait phones: compact legend strip on
   * top of the pane). Default `column`.
   */
  layout?: Layout;
  /** Prefix for element ids, so several inline SVGs can share a page. Default `map`. */
  idPrefix?: string;
  /** Draw the legend inside the SVG (default true). */
  legend?: boolean;
  /**
   * `over` (default): the legend sits on the map (see `layout`); `below`: a
   * panel under the map, which makes the SVG taller than `height` (the map's
   * height). The static images use `below`.
   */
  legendPlacement?: LegendPlacement;
  /** Overlays already built from the story's places (built here when absent). */
  overlays?: Overlays;
}

export interface SvgMapResult {
  svg: string;
  camera: Camera;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number) => String(Math.round(n * 10) / 10);

const LEGEND = { pad: 8, swatch: 18, gap: 6, line: 16, maxWidth: 290, margin: 10 };

/** Rough wrap of `text` into lines of at most `width` px at `size` px. */
function wrap(text: string, width: number, size: number): string[] {
  const perLine = Math.max(8, Math.floor(width / (size * 0.55)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && (line + ' ' + word).length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

interface LegendLayout {
  /** The legend's box in the SVG, CSS px ([left, top, right, bottom]). */
  box: [number, number, number, number];
  markup: string;
}

/** Where the SVG's legend goes. */
export type LegendPlacement = 'over' | 'below';

/**
 * Lays out the legend:
 * - `over` + `column` layout: a box in the map's lower-left corner;
 * - `over` + `stacked` layout (phones): a compact strip at the top
 *   (without the base items, which the country labels explain);
 * - `below`: a panel under the map, the full width, in two columns when
 *   there is room (the static images: nothing hides the map).
 * `size` is the map's size; `top` is where a `below` panel starts.
 */
function layoutLegend(legend: Legend, size: Size, layout: Layout, placement: LegendPlacement): LegendLayout {
  const { pad, swatch, gap, line, margin } = LEGEND;
  const fs = LABEL_SIZES.legend;
  const below = placement === 'below';
  const width = below || layout === 'stacked' ? size.width - 2 * margin : Math.min(LEGEND.maxWidth, size.width - 2 * margin);
  const columns = below && width >= 520 ? 2 : 1;
  const columnWidth = (width - 2 * pad - (columns - 1) * 2 * gap) / columns;
  const textWidth = columnWidth - swatch - gap;
  const items = layout === 'stacked' && !below ? legend.items.filter((item) => !item.base) : legend.items;
  const rows = items.map((item) => ({ item, lines: wrap(item.label, textWidth, fs) }));
  const rowHeight = (r: { lines: string[] }) => Math.max(swatch + 2, r.lines.length * line) + 2;
  // Fill the columns in reading order, splitting where the heights balance.
  const split = columns === 1 ? rows.length : balancedSplit(rows.map(rowHeight));
  const columnRows = columns === 1 ? [rows] : [rows.slice(0, split), rows.slice(split)];
  const itemsHeight = Math.max(...columnRows.map((c) => c.reduce((h, r) => h + rowHeight(r), 0)));
  const source = wrap(legend.sourceLine, width - 2 * pad, fs);
  const height = pad + line + itemsHeight + source.length * line + pad;
  const x = margin;
  const y = below ? size.height + margin : layout === 'stacked' ? margin : size.height - margin - height;
  const parts: string[] = [
    below
      ? `<rect x="0" y="${num(size.height)}" width="${num(size.width)}" height="${num(height + 2 * margin)}" fill="${COLOURS.halo}"/>` +
        `<path d="M0 ${num(size.height)}H${num(size.width)}" stroke="${COLOURS.border}" stroke-width="1"/>`
      : `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" rx="4" fill="${COLOURS.halo}" fill-opacity="0.94" stroke="${COLOURS.border}" stroke-width="0.75"/>`,
    `<text x="${num(x + pad)}" y="${num(y + pad + fs)}" font-weight="700">${esc(legend.title)}</text>`,
  ];
  columnRows.forEach((column, c) => {
    const cx = x + pad + c * (columnWidth + 2 * gap);
    let cy = y + pad + line;
    for (const row of column) {
      const h = rowHeight(row) - 2;
      const tx = cx + swatch + gap;
      parts.push(
        `<g data-legend="${esc(row.item.key)}">${swatchShapes(row.item.symbol, cx, cy + (h - swatch) / 2, swatch)}` +
          `<text x="${num(tx)}" y="${num(cy + (h - row.lines.length * line) / 2 + fs)}">` +
          row.lines.map((l, i) => `<tspan x="${num(tx)}" dy="${i === 0 ? 0 : line}">${esc(l)}</tspan>`).join('') +
          `</text></g>`,
      );
      cy += h + 2;
    }
  });
  const sy = y + pad + line + itemsHeight;
  parts.push(
    `<text class="legend-source" x="${num(x + pad)}" y="${num(sy + fs)}" fill="${COLOURS.inkMuted}">` +
      source.map((l, i) => `<tspan x="${num(x + pad)}" dy="${i === 0 ? 0 : line}">${esc(l)}</tspan>`).join('') +
      `</text>`,
  );
  return {
    box: below ? [0, size.height, size.width, size.height + height + 2 * margin] : [x, y, x + width, y + height],
    markup: `<g class="legend" font-size="${fs}">${parts.join('')}</g>`,
  };
}

/** Index splitting `heights` into two runs of the most equal total height. */
function balancedSplit(heights: number[]): number {
  const total = heights.reduce((a, b) => a + b, 0);
  let best = heights.length;
  let bestDiff = Infinity;
  let run = 0;
  for (let i = 0; i <= heights.length; i++) {
    const diff = Math.abs(total - 2 * run);
    if (diff < bestDiff) {
      bestDiff = diff;
      best = i;
    }
    run += heights[i] ?? 0;
  }
  return best;
}

/**
 * A stream filter in projected px that drops a point closer than `minDistance`
 * px to the last one kept (ring and line ends are always kept), so small-scale
 * views do not carry thousands of sub-pixel vertices into the SVG.
 */
function dropSubpixel(minDistance: number) {
  return (out: GeoStream): GeoStream => {
    let last: [number, number] | undefined;
    let pending: [number, number] | undefined;
    return {
      point(x, y) {
        if (last && Math.hypot(x - last[0], y - last[1]) < minDistance) {
          pending = [x, y];
          return;
        }
        out.point(x, y);
        last = [x, y];
        pending = undefined;
      },
      lineStart() {
        last = pending = undefined;
        out.lineStart();
      },
      lineEnd() {
        if (pending) out.point(pending[0], pending[1]);
        last = pending = undefined;
        out.lineEnd();
      },
      polygonStart: () => out.polygonStart(),
      polygonEnd: () => out.polygonEnd(),
      sphere: () => out.sphere?.(),
    };
  };
}

/** SVG presentation attributes of an area symbol. */
function areaAttrs(name: SymbolName): string {
  const s = SYMBOLS[name];
  if (s.kind !== 'area') throw new Error(`${name} is not an area symbol`);
  const dash = 'dash' in s && s.dash ? ` stroke-dasharray="${s.dash.map((d) => num(d * s.strokeWidth)).join(' ')}"` : '';
  return `fill="${s.fill}" fill-opacity="${s.fillOpacity}" stroke="${s.stroke}" stroke-width="${s.strokeWidth}" stroke-linejoin="round"${dash}`;
}

function lineMarkup(name: SymbolName, d: string): string {
  const s = SYMBOLS[name];
  if (s.kind !== 'line') throw new Error(`${name} is not a line symbol`);
  const dash = 'dash' in s && s.dash ? ` stroke-dasharray="${s.dash.map((v) => num(v * s.strokeWidth)).join(' ')}"` : '';
  const casing =
    'casing' in s && s.casing
      ? `<path d="${d}" fill="none" stroke="#ffffff" stroke-width="${s.casing}" stroke-linejoin="round" stroke-linecap="round"/>`
      : '';
  return `${casing}<path d="${d}" fill="none" stroke="${s.stroke}" stroke-opacity="${s.opacity}" stroke-width="${s.strokeWidth}" stroke-linejoin="round" stroke-linecap="round"${dash}/>`;
}

function pointMarkup(name: SymbolName, [x, y]: [number, number], extra = ''): string {
  const s = SYMBOLS[name];
  if (s.kind !== 'point') throw new Error(`${name} is not a point symbol`);
  return `<circle cx="${num(x)}" cy="${num(y)}" r="${s.radius}" fill="${s.fill}" fill-opacity="${s.fillOpacity}" stroke="${s.stroke}" stroke-width="${s.strokeWidth}"${extra}/>`;
}

function labelMarkup(label: PlacedLabel): string {
  if (!label.anchor) return '';
  const [left, top, right] = label.box;
  const size = fontSize(label.kind);
  const side = label.anchor.endsWith('right') ? 'start' : label.anchor.endsWith('left') ? 'end' : 'middle';
  const x = side === 'start' ? left + 2 : side === 'end' ? right - 2 : (left + right) / 2;
  const textAnchor = side;
  const attrs =
    label.kind === 'country'
      ? `font-size="${size}" letter-spacing="1.5" fill="${COLOURS.inkMuted}"`
      : label.kind === 'place'
        ? `font-size="${size}" font-weight="700" fill="${COLOURS.ink}"`
        : `font-size="${size}" font-style="italic" fill="${COLOURS.ink}"`;
  const tspans = label.lines
    .map((line, i) => {
      const lineSize = i === 0 ? size : Math.max(12, size - 1);
      const dy = i === 0 ? size : lineSize * 1.25;
      const weight = i === 0 ? '' : ' font-weight="400"';
      return `<tspan x="${num(x)}" dy="${num(dy)}" font-size="${lineSize}"${weight}>${esc(line)}</tspan>`;
    })
    .join('');
  return `<text data-label="${esc(label.id)}" x="${num(x)}" y="${num(top)}" text-anchor="${textAnchor}" ${attrs} stroke="${COLOURS.halo}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${tspans}</text>`;
}

/**
 * Renders `scene` as a standalone SVG string of `width`×`height` CSS px:
 * sea, countries (Mali emphasised) and every visible layer as
 * `<g data-layer="…">` groups, highlighted places with labels, country and
 * area labels, the legend with its source line, and `<title>`/`<desc>` (the
 * view's title and the scene's one-sentence description) as the text
 * alternative, with the camera used (`renderMapSvg` returns the string only).
 * Throws if the scene's view, a highlighted place, an overlay's place or a
 * source is missing from `story`.
 */
export function drawMapSvg(scene: MapSceneData, story: StoryData, data: GeoData, options: SvgMapOptions): SvgMapResult {
  const view = story.views[scene.view];
  if (!view) throw new Error(`map scene "${scene.id}" names view "${scene.view}", which is not in content/views/`);
  const size: Size = { width: options.width, height: options.height };
  const layout = options.layout ?? 'column';
  const prefix = options.idPrefix ?? 'map';
  const overlays = options.overlays ?? buildOverlays(story.places);
  const layers = new Set<LayerId>(visibleLayers(scene));
  const legend = legendFor(scene, story);
  const placement = options.legendPlacement ?? 'over';
  const legendLayout = options.legend === false ? undefined : layoutLegend(legend, size, layout, placement);
  const over = legendLayout && placement === 'over';
  const legendBox = over
    ? { width: legendLayout.box[2] - legendLayout.box[0] + LEGEND.margin, height: legendLayout.box[3] - legendLayout.box[1] + LEGEND.margin }
    : undefined;
  const { camera } = fitView(view.bounds, size, layout, legendBox);
  const totalHeight = legendLayout && !over ? legendLayout.box[3] : size.height;

  const projection = geoMercator()
    .center(camera.center)
    .scale((TILE_SIZE * 2 ** camera.zoom) / (2 * Math.PI))
    .translate([size.width / 2, size.height / 2])
    .clipExtent([
      [-20, -20],
      [size.width + 20, size.height + 20],
    ]);
  const thin = dropSubpixel(1.5);
  const path = geoPath({ stream: (out: GeoStream) => projection.stream(thin(out)) }).digits(1);
  const d = (object: GeoPermissibleObjects) => path(object) ?? '';
  const project = (lngLat: [number, number]) => projection(lngLat) as [number, number];
  const straight = (line: Feature<LineString>) =>
    line.geometry.coordinates.map((c, i) => `${i === 0 ? 'M' : 'L'}${project(c as [number, number]).map(num).join(' ')}`).join('');

  const countries = data.countries.features;
  const byIso = (isos: readonly string[]) => countries.filter((f) => isos.includes(f.properties.iso));
  const group = (layer: string, body: string) => `<g data-layer="${layer}">${body}</g>`;
  const fills = (features: Feature<Polygon | MultiPolygon, CountryProperties>[], symbol: SymbolName) =>
    features.map((f) => `<path d="${d(f)}" ${areaAttrs(symbol)}/>`).join('');
  const areasOf = (layer: LayerId, symbol: SymbolName) =>
    overlays.areas.features
      .filter((a) => a.properties.layer === layer)
      .map((a) => `<path data-area="${a.properties.id}" d="${d(a)}" ${areaAttrs(symbol)}/>`)
      .join('');
  const pointsOf = (layer: LayerId, symbol: SymbolName) =>
    overlays.points.features
      .filter((p) => p.properties.layer === layer)
      .map((p) => pointMarkup(symbol, project(p.geometry.coordinates as [number, number]), ` data-place="${p.properties.place}"`))
      .join('');
  const route = (layer: LayerId, symbol: SymbolName) => {
    const line = overlays.routes.features.find((r) => r.properties.layer === layer);
    return line ? lineMarkup(symbol, straight(line)) : '';
  };

  const mali = countries.find((f) => f.properties.iso === 'ML');
  const body: string[] = [];
  body.push(`<rect width="${size.width}" height="${size.height}" fill="${COLOURS.sea}"/>`);
  body.push(
    group(
      'countries',
      fills(
        countries.filter((f) => f.properties.iso !== 'ML'),
        'country',
      ) + (mali ? `<path d="${d(mali)}" fill="${COLOURS.mali}" stroke="none"/>` : ''),
    ),
  );
  if (layers.has('convoy-origins')) body.push(group('convoy-origins', fills(byIso(CONVOY_ORIGINS), 'convoyOrigin')));
  if (layers.has('fuel-ban')) body.push(group('fuel-ban', fills(byIso(FUEL_BAN), 'fuelBan')));
  if (layers.has('alliances')) {
    body.push(
      group(
        'alliances',
        fills(byIso(countries.filter((f) => f.properties.ecowas).map((f) => f.properties.iso)), 'ecowas') +
          fills(byIso(AES), 'aes'),
      ),
    );
  }
  if (layers.has('kayes-region')) {
    const kayes = data.regions.features.filter((f) => f.properties.id === 'kayes');
    body.push(group('kayes-region', kayes.map((f) => `<path d="${d(f)}" ${areaAttrs('kayesRegion')}/>`).join('')));
  }
  if (layers.has('mali-regions')) body.push(group('mali-regions', lineMarkup('regionBorder', d(data.regionBorders))));
  // Mali's outline above the fills, so its emphasis survives every layer.
  if (mali) body.push(`<path data-outline="ML" d="${d(mali)}" fill="none" stroke="${SYMBOLS.mali.stroke}" stroke-width="${SYMBOLS.mali.strokeWidth}" stroke-linejoin="round"/>`);
  if (layers.has('rivers')) body.push(group('rivers', data.rivers.features.map((f) => lineMarkup('river', d(f))).join('')));
  if (layers.has('bamako-outskirts')) body.push(group('bamako-outskirts', areasOf('bamako-outskirts', 'outskirts')));
  if (layers.has('airstrikes')) body.push(group('airstrikes', areasOf('airstrikes', 'airstrikeArea')));
  if (layers.has('attack-area')) body.push(group('attack-area', areasOf('attack-area', 'attackArea')));
  if (layers.has('blockade-areas')) body.push(group('blockade-areas', areasOf('blockade-areas', 'blockadeArea')));
  if (layers.has('bougouni-attack')) body.push(group('bougouni-attack', areasOf('bougouni-attack', 'bougouniArea')));
  if (layers.has('escort-route')) body.push(group('escort-route', route('escort-route', 'escortRoute')));
  if (layers.has('niger-convoy-route')) body.push(group('niger-convoy-route', route('niger-convoy-route', 'nigerRoute')));
  if (layers.has('corridor')) body.push(group('corridor', route('corridor', 'corridor')));
  if (layers.has('northern-towns-fall')) body.push(group('northern-towns-fall', pointsOf('northern-towns-fall', 'townFell')));

  body.push(
    `<g data-layer="places">${scene.highlight
      .map((id) => {
        const place = story.places[id];
        if (!place) throw new Error(`map scene "${scene.id}" highlights place "${id}", which is not in content/places/`);
        return pointMarkup(place.kind === 'capital' ? 'capital' : 'town', project([place.lon, place.lat]), ` data-place="${id}"`);
      })
      .join('')}</g>`,
  );
  const labels = placeLabels(
    labelCandidates(scene, story, data, overlays),
    project,
    size,
    over ? [legendLayout.box] : [],
  );
  body.push(`<g data-layer="labels">${labels.map(labelMarkup).join('')}</g>`);

  const title = t(story.locale, 'map.svgTitle', { view: view.title });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size.width} ${num(totalHeight)}" width="${size.width}" height="${num(totalHeight)}" ` +
    `role="img" aria-labelledby="${prefix}-title ${prefix}-desc" lang="${story.locale}" ` +
    `data-scene="${esc(scene.id)}" data-view="${esc(view.id)}" data-layers="${[...layers].join(' ')}" ` +
    `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif" preserveAspectRatio="xMidYMid meet">` +
    `<title id="${prefix}-title">${esc(title)}</title><desc id="${prefix}-desc">${esc(scene.description)}</desc>` +
    `<clipPath id="${prefix}-clip"><rect width="${size.width}" height="${size.height}"/></clipPath>` +
    `<g clip-path="url(#${prefix}-clip)">${body.join('')}</g>${legendLayout ? legendLayout.markup : ''}</svg>`;
  return { svg, camera };
}

/**
 * The SVG string of `scene` (see `drawMapSvg` for what it holds and throws).
 * Inputs: the scene, the story (views, places, sources, events, locale), the
 * geography (geo-data.ts) and the drawing size in CSS px.
 */
export function renderMapSvg(scene: MapSceneData, story: StoryData, data: GeoData, options: SvgMapOptions): string {
  return drawMapSvg(scene, story, data, options).svg;
}
