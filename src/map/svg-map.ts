/**
 * The map as an SVG string, drawn with d3-geo from the same data, symbols,
 * labels and key as the WebGL map. It needs no DOM, so it serves both:
 * - in the browser, the fallback when WebGL is missing or MapLibre fails
 *   (`chrome: 'none'`: the map and its labels only; the page draws the key,
 *   caption, locator and scale bar in HTML, as for the WebGL map);
 * - at build time, the static figures of every map scene (src/pages/maps/;
 *   `chrome: 'figure'`: the locator and scale bar on the map, the key and the
 *   caption below it, so nothing hides the map).
 *
 * The projection is Web Mercator set from the same camera as MapLibre
 * (camera.ts), so a view frames the same geography in both renderers.
 */
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import { geoMercator, geoPath, type GeoPermissibleObjects, type GeoStream } from 'd3-geo';
import type { LayerId, MapSceneData, StoryData } from '../story/types';
import { t } from '../i18n/ui';
import { fitView, placesToKeep, TILE_SIZE, type Camera, type Insets, type Layout, type LegendBox, type Size } from './camera';
import type { CountryProperties, GeoData } from './geo-data';
import { areasForCamera, buildOverlays, type Overlays } from './overlays';
import { figureCaption, legendFor, swatchShapes, swatchSize, type Legend, type LegendItem } from './legend';
import { labelCandidates, labelStyle, LINE_HEIGHT, placeLabels, placeSymbol, routeLines, type PlacedLabel } from './labels';
import { AES, CONVOY_ORIGINS, FUEL_BAN } from './country-sets';
import { COLOURS, MAP_TYPE, SYMBOLS, type SymbolName } from './symbols';
import { visibleLayers } from './scene-layers';
import { estimateWidth, type Measure } from './text-metrics';
import { LOCATOR_SIZE, locatorShapes, SCALE_HEIGHT, scaleFor, scaleShapes, scaleText, scaleWidth } from './inset';
import { dropSubpixel, esc, num } from './svg-util';

type Box = [number, number, number, number];

export interface SvgMapOptions {
  /** Size of the map area in CSS px (a figure adds its key and caption below it). */
  width: number;
  height: number;
  /** The page layout the camera fits (see camera.ts). Default `column`. */
  layout?: Layout;
  /** Prefix for element ids, so several inline SVGs can share a page. Default `map`. */
  idPrefix?: string;
  /**
   * `none` (default): the map and its labels only; `figure`: a standalone
   * figure with the locator and scale bar on the map and the key and caption
   * below it (the SVG is then taller than `height`).
   */
  chrome?: 'none' | 'figure';
  /** `none` only: boxes over the map (CSS px) that labels keep clear of: the page's key, caption, locator, buttons. */
  reserved?: Box[];
  /** `none` only: the key's box that the camera keeps clear of (see camera.ts). */
  legendBox?: LegendBox;
  /** `none` only: bands at the top and bottom covered by the page's chrome (see camera.ts). */
  insets?: Insets;
  /** `figure` only: font size of the key and caption, CSS px (default 12). */
  keyFontSize?: number;
  /** `figure` only: size of the locator inset, CSS px (default LOCATOR_SIZE). */
  locatorSize?: { width: number; height: number };
  /** Text widths for label placement (default: the DejaVu Sans estimate). */
  measure?: Measure;
  /** Overlays already built from the story's places (built here when absent). */
  overlays?: Overlays;
}

export interface SvgMapResult {
  svg: string;
  camera: Camera;
  /** Every label with its placement (hidden ones have no anchor). */
  labels: PlacedLabel[];
  /** Total height of the SVG, CSS px. */
  height: number;
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
      ? `<path d="${d}" fill="none" stroke="${COLOURS.casing}" stroke-width="${s.casing}" stroke-linejoin="round" stroke-linecap="round"/>`
      : '';
  return `${casing}<path d="${d}" fill="none" stroke="${s.stroke}" stroke-opacity="${s.opacity}" stroke-width="${s.strokeWidth}" stroke-linejoin="round" stroke-linecap="round"${dash}/>`;
}

function pointMarkup(name: SymbolName, [x, y]: [number, number], extra = ''): string {
  const s = SYMBOLS[name];
  if (s.kind !== 'point') throw new Error(`${name} is not a point symbol`);
  return `<circle cx="${num(x)}" cy="${num(y)}" r="${s.radius}" fill="${s.fill}" fill-opacity="${s.fillOpacity}" stroke="${s.stroke}" stroke-width="${s.strokeWidth}"${extra}/>`;
}

/** Baseline of a line of text set at `size` px in a line box starting at `top` (LINE_HEIGHT). */
const baseline = (top: number, size: number) => top + size * 0.95 + (LINE_HEIGHT - 1.2) * size * 0.5;

/** A placed label as SVG `<text>` (empty when hidden), styled by labelStyle. */
function labelMarkup(label: PlacedLabel): string {
  if (!label.anchor) return '';
  const [left, top, right] = label.box;
  const side = label.anchor.endsWith('right') ? 'start' : label.anchor.endsWith('left') ? 'end' : 'middle';
  const x = side === 'start' ? left + 1 : side === 'end' ? right - 1 : (left + right) / 2;
  let y = top + 1;
  const tspans = label.lines
    .map((line, i) => {
      const style = labelStyle(label.kind, i, label.variant);
      const attrs =
        `font-size="${style.size}"` +
        (style.bold ? ' font-weight="700"' : '') +
        (style.italic ? ' font-style="italic"' : '') +
        (style.tracking ? ` letter-spacing="${num(style.tracking * style.size)}"` : '') +
        ` fill="${style.colour}"`;
      const out = `<tspan x="${num(x)}" y="${num(baseline(y, style.size))}" ${attrs}>${esc(line)}</tspan>`;
      y += style.size * LINE_HEIGHT;
      return out;
    })
    .join('');
  return `<text data-label="${esc(label.id)}" data-kind="${label.kind}" text-anchor="${side}" stroke="${COLOURS.halo}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${tspans}</text>`;
}

/** Splits `text` into lines no wider than `width` px (by words), measured with `measure` at `size` px. */
export function wrapText(text: string, width: number, size: number, measure: Measure = estimateWidth): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, { size }) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Lays out a figure's key and caption below the map: items in as many
 * columns as fit (`size`-px text wrapped to the column), the place markers
 * sharing one row, then the caption across the whole width. `top` is where
 * the panel starts. Returns its markup and height (CSS px).
 */
function layoutFigureKey(legend: Legend, width: number, top: number, size: number, measure: Measure): { markup: string; height: number } {
  const pad = 10;
  const gap = 6;
  const colGap = 18;
  const line = Math.round(size * 1.3);
  const minColumn = size * 17;
  const columns = Math.max(1, Math.min(3, Math.floor((width - 2 * pad + colGap) / (minColumn + colGap))));
  const columnWidth = (width - 2 * pad - (columns - 1) * colGap) / columns;
  // Cells: one per item, the inline items (place markers) together.
  const cells: LegendItem[][] = [];
  for (const item of legend.items) {
    const last = cells.at(-1);
    if (item.inline && last?.[0].inline) last.push(item);
    else cells.push([item]);
  }
  type Laid = { markup: (x: number, y: number) => string; height: number };
  const laid: Laid[] = cells.map((cell) => {
    if (cell.length === 1) {
      const [item] = cell;
      const sw = swatchSize(item.symbol);
      const lines = wrapText(item.label, columnWidth - sw - gap, size, measure);
      const height = Math.max(sw, lines.length * line);
      return {
        height,
        markup: (x, y) => {
          const ty = y + (height - lines.length * line) / 2;
          return (
            `<g data-legend="${esc(item.key)}">${swatchShapes(item.symbol, x, y + (height - sw) / 2, sw)}` +
            `<text x="${num(x + sw + gap)}" font-size="${size}" fill="${COLOURS.ink}">` +
            lines.map((l, i) => `<tspan x="${num(x + sw + gap)}" y="${num(ty + i * line + line * 0.75)}">${esc(l)}</tspan>`).join('') +
            `</text></g>`
          );
        },
      };
    }
    // Inline items side by side.
    const height = Math.max(...cell.map((i) => swatchSize(i.symbol)), line);
    return {
      height,
      markup: (x, y) => {
        let cx = x;
        return cell
          .map((item) => {
            const sw = swatchSize(item.symbol);
            const out =
              `<g data-legend="${esc(item.key)}">${swatchShapes(item.symbol, cx, y + (height - sw) / 2, sw)}` +
              `<text x="${num(cx + sw + gap)}" y="${num(y + height / 2 + line * 0.25)}" font-size="${size}" fill="${COLOURS.ink}">${esc(item.label)}</text></g>`;
            cx += sw + gap + measure(item.label, { size }) + 14;
            return out;
          })
          .join('');
      },
    };
  });
  const parts: string[] = [];
  let y = top + pad;
  for (let i = 0; i < laid.length; i += columns) {
    const row = laid.slice(i, i + columns);
    const h = Math.max(...row.map((c) => c.height));
    row.forEach((c, j) => parts.push(c.markup(pad + j * (columnWidth + colGap), y)));
    y += h + 4;
  }
  // A figure stands alone (embeds, print): its caption ends with the as-of date.
  const caption = wrapText(figureCaption(legend), width - 2 * pad, size, measure);
  y += 2;
  parts.push(
    `<text class="map-caption" font-size="${size}" fill="${COLOURS.inkMuted}">` +
      caption.map((l, i) => `<tspan x="${pad}" y="${num(y + i * line + line * 0.75)}">${esc(l)}</tspan>`).join('') +
      `</text>`,
  );
  y += caption.length * line + pad;
  const height = y - top;
  return {
    height,
    markup:
      `<g class="legend" font-size="${size}"><rect x="0" y="${num(top)}" width="${num(width)}" height="${num(height)}" fill="${COLOURS.halo}"/>` +
      `<path d="M0 ${num(top)}H${num(width)}" stroke="${COLOURS.border}" stroke-width="1"/>${parts.join('')}</g>`,
  };
}

/**
 * Renders `scene` as an SVG string of `width`×`height` CSS px of map (plus
 * the key and caption below it in a figure): sea, countries (Mali
 * emphasised) and every visible layer as `<g data-layer="…">` groups, the
 * highlighted places' dots, every placed label (`<text data-label>`), and
 * `<title>`/`<desc>` (the scene's headline and the scene's one-sentence
 * description) as the text alternative. Returns the SVG, the camera, the
 * labels and the total height. Throws if the scene's view, a highlighted
 * place, an overlay's place, a note's event or figure, or a source is
 * missing from `story`.
 */
export function drawMapSvg(scene: MapSceneData, story: StoryData, data: GeoData, options: SvgMapOptions): SvgMapResult {
  const view = story.views[scene.view];
  if (!view) throw new Error(`map scene "${scene.id}" names view "${scene.view}", which is not in content/views/`);
  const size: Size = { width: options.width, height: options.height };
  const figure = options.chrome === 'figure';
  const layout = options.layout ?? 'column';
  const prefix = options.idPrefix ?? 'map';
  const measure = options.measure ?? estimateWidth;
  const base = options.overlays ?? buildOverlays(story.places, data.countries.features);
  const layers = new Set<LayerId>(visibleLayers(scene));
  const legend = legendFor(scene, story);
  const { camera } = figure
    ? fitView(view.bounds, size, 'column')
    : fitView(view.bounds, size, layout, options.legendBox, options.insets, placesToKeep(scene, story.places));
  const overlays: Overlays = { ...base, areas: areasForCamera(story.places, camera) };

  const projection = geoMercator()
    .center(camera.center)
    .scale((TILE_SIZE * 2 ** camera.zoom) / (2 * Math.PI))
    .translate([size.width / 2, size.height / 2])
    .clipExtent([
      [-20, -20],
      [size.width + 20, size.height + 20],
    ]);
  // Vertices closer than this (px) are dropped: figures are files to download, so they are thinned more.
  const thin = dropSubpixel(figure ? 2.2 : 1.5);
  const path = geoPath({ stream: (out: GeoStream) => projection.stream(thin(out)) }).digits(1);
  const d = (object: GeoPermissibleObjects) => path(object) ?? '';
  const project = (lngLat: [number, number]) => projection(lngLat) as [number, number];
  const straight = (line: Feature<LineString>) =>
    line.geometry.coordinates.map((c, i) => `${i === 0 ? 'M' : 'L'}${project(c as [number, number]).map(num).join(' ')}`).join('');

  const countries = data.countries.features;
  const byIso = (isos: readonly string[]) => countries.filter((f) => isos.includes(f.properties.iso));
  const group = (layer: string, body: string) => `<g data-layer="${layer}">${body}</g>`;
  // A shape wholly outside the view projects to an empty path: it is left out.
  const fills = (features: Feature<Polygon | MultiPolygon, CountryProperties>[], symbol: SymbolName) =>
    features
      .map(d)
      .filter(Boolean)
      .map((shape) => `<path d="${shape}" ${areaAttrs(symbol)}/>`)
      .join('');
  const areasOf = (layer: LayerId, symbol: SymbolName) =>
    overlays.areas.features
      .filter((a) => a.properties.layer === layer)
      .map((a) => `<path data-area="${a.properties.id}" d="${d(a)}" ${areaAttrs(symbol)}/>`)
      .join('');
  const pointsOf = (layer: LayerId, symbol: SymbolName) =>
    overlays.points.features
      .filter((p) => p.properties.layer === layer)
      .map((p) => pointMarkup(symbol, project(p.geometry.coordinates as [number, number]), ` data-point="${p.properties.place}"`))
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
        fills(byIso(countries.filter((f) => f.properties.ecowas).map((f) => f.properties.iso)), 'ecowas') + fills(byIso(AES), 'aes'),
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
  if (layers.has('bamako-outskirts')) body.push(group('bamako-outskirts', areasOf('bamako-outskirts', 'outskirts')));
  if (layers.has('airstrikes')) body.push(group('airstrikes', areasOf('airstrikes', 'airstrikeArea')));
  if (layers.has('attack-area')) body.push(group('attack-area', areasOf('attack-area', 'attackArea')));
  if (layers.has('blockade-areas')) body.push(group('blockade-areas', areasOf('blockade-areas', 'blockadeArea')));
  if (layers.has('bougouni-attack')) body.push(group('bougouni-attack', areasOf('bougouni-attack', 'bougouniArea')));
  // Water above the tinted areas, so the rivers read through them (as in layers.ts).
  if (layers.has('rivers')) body.push(group('rivers', data.rivers.features.map((f) => lineMarkup('river', d(f))).join('')));
  if (layers.has('escort-route')) body.push(group('escort-route', route('escort-route', 'escortRoute')));
  if (layers.has('niger-convoy-route')) body.push(group('niger-convoy-route', route('niger-convoy-route', 'nigerRoute')));
  if (layers.has('corridor')) body.push(group('corridor', route('corridor', 'corridor')));
  if (layers.has('northern-towns-fall')) body.push(group('northern-towns-fall', pointsOf('northern-towns-fall', 'townFell')));

  body.push(
    `<g data-layer="places">${scene.highlight
      .map((id) => {
        const place = story.places[id];
        const symbol = placeSymbol(scene, story, id);
        return pointMarkup(symbol, project([place.lon, place.lat]), ` data-place="${id}" data-symbol="${symbol}"`);
      })
      .join('')}</g>`,
  );

  // Guides on a figure: the locator top-left, the scale bar bottom-right.
  const reserved: Box[] = [...(options.reserved ?? [])];
  const guides: string[] = [];
  if (figure) {
    const m = 8;
    const ls = options.locatorSize ?? LOCATOR_SIZE;
    const locator: Box = [m, m, m + ls.width, m + ls.height];
    guides.push(`<g class="map-locator">${locatorShapes(data.africa, mali, view.bounds, m, m, ls.width, ls.height)}</g>`);
    const scale = scaleFor(camera, Math.min(110, size.width * 0.3));
    const sw = scaleWidth(scale, measure(scaleText(scale, story.locale), { size: MAP_TYPE.legend }));
    const sx = size.width - m - sw;
    const sy = size.height - m - SCALE_HEIGHT;
    guides.push(`<g class="map-scale">${scaleShapes(scale, story.locale, sx, sy)}</g>`);
    reserved.push(locator, [sx, sy, sx + sw, sy + SCALE_HEIGHT]);
  }

  const labels = placeLabels(labelCandidates(scene, story, data, overlays), project, size, {
    reserved,
    measure,
    lines: routeLines(scene, overlays),
  });
  body.push(`<g data-layer="labels">${labels.map(labelMarkup).join('')}</g>`);
  body.push(...guides);

  const key = figure ? layoutFigureKey(legend, size.width, size.height, options.keyFontSize ?? MAP_TYPE.legend, measure) : undefined;
  const totalHeight = size.height + (key?.height ?? 0);
  const title = t(story.locale, 'map.svgTitle', { view: scene.title });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size.width} ${num(totalHeight)}" width="${size.width}" height="${num(totalHeight)}" ` +
    `role="img" aria-labelledby="${prefix}-title ${prefix}-desc" lang="${story.locale}" ` +
    `data-scene="${esc(scene.id)}" data-view="${esc(view.id)}" data-layers="${[...layers].join(' ')}" ` +
    `font-family="${esc(MAP_TYPE.font)}" preserveAspectRatio="xMidYMid meet">` +
    `<title id="${prefix}-title">${esc(title)}</title><desc id="${prefix}-desc">${esc(scene.description)}</desc>` +
    `<clipPath id="${prefix}-clip"><rect width="${size.width}" height="${size.height}"/></clipPath>` +
    `<g clip-path="url(#${prefix}-clip)">${body.join('')}</g>${key ? key.markup : ''}</svg>`;
  return { svg, camera, labels, height: totalHeight };
}

/**
 * The SVG string of `scene` (see `drawMapSvg` for what it holds and throws).
 * Inputs: the scene, the story (views, places, sources, events, figures,
 * locale), the geography (geo-data.ts) and the options (sizes in CSS px).
 */
export function renderMapSvg(scene: MapSceneData, story: StoryData, data: GeoData, options: SvgMapOptions): string {
  return drawMapSvg(scene, story, data, options).svg;
}
