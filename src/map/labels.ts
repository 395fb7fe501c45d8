/**
 * Map labels, shared by the WebGL map (HTML markers) and the SVG renderer:
 * which labels a scene shows, how each is set, where it may sit, and which
 * spot and side it takes so that no two collide.
 *
 * Kinds, from most to least important (essential first: places, dated notes,
 * the region):
 * - `place`: highlighted places (names from content/places), with their dot;
 * - `annotation`: the dated notes of the scene's events (dates from
 *   content/events, counts from content/figures) and the notes of its
 *   approximate areas ("in or near", "approximate");
 * - `region`: the Kayes region, whenever its layer shows ("KAYES REGION");
 * - `country`: Mali and the countries the scene's layers select, then the
 *   Niger and Senegal rivers wherever they are in view (`river`; names from
 *   the geodata, in a localized template), then every other country visible
 *   in the view (names from the geodata).
 * Lower-priority labels try other spots and sides, then other line breaks,
 * and are dropped (hidden) when none fits.
 *
 * Pure: positions are computed in CSS px from the scene's camera (camera.ts),
 * with text widths from a `Measure` (the real font in the browser, DejaVu Sans
 * metrics at build time: text-metrics.ts).
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Bounds, LayerId, MapSceneData, StoryData } from '../story/types';
import { t } from '../i18n/ui';
import { formatFigure, formatShortDate, formatShortDateRange } from '../i18n/format';
import { nameIn, type GeoData } from './geo-data';
import { POINTS, type Overlays } from './overlays';
import { CONVOY_ORIGINS, FUEL_BAN } from './country-sets';
import { COLOURS, MAP_TYPE, pointDiameter, type PointSymbolName } from './symbols';
import { visibleLayers } from './scene-layers';
import { estimateWidth, type Measure, type TextStyle } from './text-metrics';
import { lineSpots, polygonSpots } from './spots';

/** Which side of its spot a label sits on. */
export type Anchor = 'right' | 'left' | 'top' | 'bottom' | 'top-right' | 'bottom-right' | 'top-left' | 'bottom-left' | 'center';

export type LabelKind = 'place' | 'annotation' | 'region' | 'country' | 'river';

/** A spot a label may take: a point ([lon, lat], degrees) and the sides to try there, in order. */
export interface Spot {
  lngLat: [number, number];
  anchors: Anchor[];
  /** A last resort (the Kayes region's name outside the region): tried only when no other spot fits. */
  fallback?: boolean;
}

export interface LabelCandidate {
  /** Unique in the scene: `place:kayes`, `note:attack-area`, `region:kayes`, `country:SN`, `river:niger`. */
  id: string;
  kind: LabelKind;
  /** Alternative ways to break the text into lines, preferred first. */
  lineSets: string[][];
  /** Spots to try, preferred first (a place label has one: its place). */
  spots: Spot[];
  /** Higher is placed first. */
  priority: number;
  /** Clearance between the spot and the text, CSS px. */
  gap: number;
  /** Place labels: the symbol of the place's dot. */
  symbol?: PointSymbolName;
  /** Place labels: the place's [lon, lat] (degrees), where its dot is drawn. */
  place?: [number, number];
  /** Variant of the style: `mali` (Mali's own name), `event` (an event's dated note). */
  variant?: 'mali' | 'event';
}

export interface PlacedLabel extends LabelCandidate {
  /** The side chosen; undefined when the label had no room and is hidden. */
  anchor?: Anchor;
  /** The lines shown (one of lineSets). */
  lines: string[];
  /** The spot taken (the first spot when hidden), [lon, lat] degrees. */
  lngLat: [number, number];
  /** The spot in CSS px. */
  x: number;
  y: number;
  /** The text box in CSS px ([left, top, right, bottom]). */
  box: [number, number, number, number];
}

/** How a label's lines are set: size (px), weight, style, case, tracking, colour. */
export interface LabelStyle extends TextStyle {
  /** Upper case (already applied to the text; kept for the renderers). */
  upper?: boolean;
  colour: string;
}

/** Line height as a multiple of the font size (the HTML labels set the same). */
export const LINE_HEIGHT = 1.2;
/** Padding around a label's text box, CSS px (boxes are compared with this slack). */
const BOX_PAD = 1;

/** The style of line `index` of a label of `kind` (and `variant`). */
export function labelStyle(kind: LabelKind, index: number, variant?: LabelCandidate['variant']): LabelStyle {
  switch (kind) {
    case 'place':
      return index === 0
        ? { size: MAP_TYPE.place, bold: true, colour: COLOURS.ink }
        : { size: MAP_TYPE.annotation, colour: COLOURS.ink };
    case 'annotation':
      return { size: MAP_TYPE.annotation, bold: index === 0 && variant === 'event', colour: COLOURS.accentText };
    case 'region':
      return { size: MAP_TYPE.region, bold: true, upper: true, tracking: MAP_TYPE.tracking, colour: COLOURS.ink };
    case 'country':
      return variant === 'mali'
        ? { size: MAP_TYPE.mali, bold: true, upper: true, tracking: MAP_TYPE.tracking, colour: COLOURS.ink }
        : { size: MAP_TYPE.country, upper: true, tracking: MAP_TYPE.tracking, colour: COLOURS.inkMuted };
    case 'river':
      return { size: MAP_TYPE.river, italic: true, colour: COLOURS.riverLabel };
  }
}

/** Size in CSS px of the text box of `lines` for a label of `kind`, measured with `measure`. */
export function measureLines(
  kind: LabelKind,
  lines: string[],
  measure: Measure = estimateWidth,
  variant?: LabelCandidate['variant'],
): { width: number; height: number } {
  let width = 0;
  let height = 0;
  lines.forEach((line, i) => {
    const style = labelStyle(kind, i, variant);
    width = Math.max(width, measure(line, style));
    height += style.size * LINE_HEIGHT;
  });
  return { width: Math.ceil(width) + 2 * BOX_PAD, height: Math.ceil(height) + 2 * BOX_PAD };
}

/** Splits "Kidira (border with Diboli, Mali)" into ["Kidira", "border with Diboli, Mali"]. */
export function labelLines(name: string): string[] {
  const match = /^(.*\S)\s*\((.+)\)$/.exec(name);
  return match ? [match[1], match[2]] : [name];
}

/** One line, and (for names with a space or a hyphen) two lines broken nearest the middle. */
function breaks(text: string): string[][] {
  const sets = [[text]];
  let best = -1;
  for (let i = 0; i < text.length; i++) {
    if ((text[i] === ' ' || text[i] === '-') && (best < 0 || Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2))) best = i;
  }
  if (best > 0) {
    const first = text[best] === '-' ? text.slice(0, best + 1) : text.slice(0, best);
    sets.push([first, text.slice(best + 1)]);
  }
  return sets;
}

/**
 * The extreme points ([lon, lat], degrees) of a polygon's vertices inside
 * `bounds`: where a label may stand against its outline, outside it.
 */
function extremes(feature: Feature<Polygon | MultiPolygon>, bounds: Bounds) {
  const [[w, s], [e, n]] = bounds;
  const points = (feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates)
    .flat(2)
    .filter((p) => p[0] >= w && p[0] <= e && p[1] >= s && p[1] <= n) as [number, number][];
  const pick = (better: (a: [number, number], b: [number, number]) => boolean) => points.reduce((a, b) => (better(b, a) ? b : a));
  return {
    south: pick((a, b) => a[1] < b[1]),
    north: pick((a, b) => a[1] > b[1]),
    west: pick((a, b) => a[0] < b[0]),
    east: pick((a, b) => a[0] > b[0]),
  };
}

/** Countries (ISO alpha-2) that a layer selects, whose names matter more while it shows. */
function layerCountries(layer: LayerId, data: GeoData): readonly string[] {
  switch (layer) {
    case 'convoy-origins':
      return CONVOY_ORIGINS;
    case 'fuel-ban':
      return FUEL_BAN;
    case 'alliances':
      return data.countries.features.filter((f) => f.properties.aes || f.properties.ecowas).map((f) => f.properties.iso);
    default:
      return [];
  }
}

/** Point layers' places (POINTS): the places drawn as event markers while their layer shows. */
function eventPlaces(layers: readonly LayerId[]): Set<string> {
  return new Set(POINTS.filter((p) => layers.includes(p.layer)).map((p) => p.place));
}

/**
 * The symbol of a highlighted place's dot in `scene`: the event marker
 * (`townFell`) when a visible point layer marks it, else `capital` or `town`.
 * Throws if the place is not in `story`.
 */
export function placeSymbol(scene: MapSceneData, story: StoryData, id: string): PointSymbolName {
  const place = story.places[id];
  if (!place) throw new Error(`map scene "${scene.id}" highlights place "${id}", which is not in content/places/`);
  if (eventPlaces(visibleLayers(scene)).has(id)) return 'townFell';
  return place.kind === 'capital' ? 'capital' : 'town';
}

/** Events and figures whose dates and counts the notes of a layer print (ids in content/). */
export const LAYER_NOTES: Partial<Record<LayerId, { event?: string; figure?: string }>> = {
  'northern-towns-fall': { event: 'northern-cities-fall' },
  'attack-area': { event: 'tankers-burned-mid-september' },
  'blockade-areas': { event: 'jnim-declares-blockade' },
  'bougouni-attack': { event: 'bougouni-attack', figure: 'bougouni-tankers-burned' },
  airstrikes: {},
  'bamako-outskirts': {},
};

/**
 * The text of a layer's note on the map, as lines, in the story's locale:
 * dates from the events, counts from the figures (ui.ts `map.note.<layer>`,
 * one template; "\n" breaks the lines). Throws if the event or figure is missing.
 */
export function noteLines(layer: LayerId, story: StoryData): string[] {
  const l = story.locale;
  const spec = LAYER_NOTES[layer] ?? {};
  const values: Record<string, string> = { approximate: t(l, 'map.approximate') };
  if (spec.event) {
    const event = story.events.find((e) => e.id === spec.event);
    if (!event) throw new Error(`the map note of "${layer}" needs event "${spec.event}" (content/events/)`);
    values.date = event.end ? formatShortDateRange(event.date, event.end, l) : formatShortDate(event.date, l);
  }
  if (spec.figure) {
    const figure = story.figures[spec.figure];
    if (!figure) throw new Error(`the map note of "${layer}" needs figure "${spec.figure}" (content/figures/)`);
    values.count = formatFigure(figure, l);
  }
  return t(l, `map.note.${layer}`, values).split('\n');
}

const PLACE_ANCHORS: Anchor[] = ['right', 'left', 'top-right', 'bottom-right', 'top-left', 'bottom-left', 'top', 'bottom'];

/**
 * Every label `scene` may show, before placement (see the module comment).
 * `overlays` should hold the areas as drawn (areasForCamera) so notes sit on
 * their edges. Throws if a highlighted place, or an event or figure a note
 * needs, is missing from `story`.
 */
export function labelCandidates(scene: MapSceneData, story: StoryData, data: GeoData, overlays: Overlays): LabelCandidate[] {
  const view = story.views[scene.view];
  if (!view) throw new Error(`map scene "${scene.id}" names view "${scene.view}", which is not in content/views/`);
  const bounds: Bounds = view.bounds;
  const l = story.locale;
  const layers = visibleLayers(scene);
  const candidates: LabelCandidate[] = [];

  // Places.
  scene.highlight.forEach((id, i) => {
    const symbol = placeSymbol(scene, story, id);
    const place = story.places[id];
    candidates.push({
      id: `place:${id}`,
      kind: 'place',
      lineSets: [labelLines(place.name)],
      spots: [{ lngLat: [place.lon, place.lat], anchors: PLACE_ANCHORS }],
      place: [place.lon, place.lat],
      priority: 100 - i,
      gap: pointDiameter(symbol) / 2 + 3,
      symbol,
    });
  });

  // Notes: one per layer, on the edge of one of its areas or beside one of its points.
  for (const layer of layers) {
    if (!(layer in LAYER_NOTES)) continue;
    const spots: Spot[] = [];
    let gap = 3;
    for (const area of overlays.areas.features.filter((a) => a.properties.layer === layer)) {
      const ring = area.geometry.coordinates[0] as [number, number][];
      const north = ring.reduce((a, b) => (b[1] > a[1] ? b : a));
      const south = ring.reduce((a, b) => (b[1] < a[1] ? b : a));
      const east = ring.reduce((a, b) => (b[0] > a[0] ? b : a));
      const west = ring.reduce((a, b) => (b[0] < a[0] ? b : a));
      // The circle's vertex nearest a bearing from its centre (degrees, 0 = north, clockwise).
      const [cx, cy] = [(east[0] + west[0]) / 2, (north[1] + south[1]) / 2];
      const toward = (deg: number): [number, number] => {
        const a = (deg * Math.PI) / 180;
        const target: [number, number] = [cx + Math.sin(a) * (east[0] - cx), cy + Math.cos(a) * (north[1] - cy)];
        const p = ring.reduce((best, q) => (Math.hypot(q[0] - target[0], q[1] - target[1]) < Math.hypot(best[0] - target[0], best[1] - target[1]) ? q : best));
        return [p[0], p[1]];
      };
      spots.push(
        { lngLat: [north[0], north[1]], anchors: ['top', 'top-right', 'top-left'] },
        { lngLat: [south[0], south[1]], anchors: ['bottom', 'bottom-right', 'bottom-left'] },
        { lngLat: [east[0], east[1]], anchors: ['right'] },
        { lngLat: [west[0], west[1]], anchors: ['left'] },
        { lngLat: toward(45), anchors: ['top-right', 'right'] },
        { lngLat: toward(135), anchors: ['bottom-right', 'right'] },
        { lngLat: toward(225), anchors: ['bottom-left', 'left'] },
        { lngLat: toward(315), anchors: ['top-left', 'left'] },
      );
    }
    for (const point of POINTS.filter((p) => p.layer === layer)) {
      const place = story.places[point.place];
      if (!place) continue;
      gap = pointDiameter('townFell') / 2 + 3;
      spots.push({ lngLat: [place.lon, place.lat], anchors: ['bottom', 'top', 'bottom-right', 'bottom-left', 'top-right', 'top-left', 'right', 'left'] });
    }
    if (spots.length === 0) continue;
    const event = Boolean(LAYER_NOTES[layer]?.event);
    // The note as written, then with its longest line broken, then with every long line broken.
    const lines = noteLines(layer, story);
    const longest = lines.reduce((a, b) => (b.length > a.length ? b : a));
    const lineSets = [
      lines,
      lines.flatMap((line) => (line === longest ? breaks(line).at(-1)! : [line])),
      lines.flatMap((line) => (line.length > 16 ? breaks(line).at(-1)! : [line])),
    ].filter((set, i, all) => all.findIndex((other) => other.join('\n') === set.join('\n')) === i);
    candidates.push({
      id: `note:${layer}`,
      kind: 'annotation',
      lineSets,
      spots,
      priority: event ? 90 : 60,
      gap,
      ...(event ? { variant: 'event' as const } : {}),
    });
  }

  // The Kayes region: inside it where there is room, else against its outline, outside.
  if (layers.includes('kayes-region')) {
    const kayes = data.regions.features.find((f) => f.properties.id === 'kayes');
    const inside = kayes ? polygonSpots(kayes, bounds, 10, 0) : [];
    if (kayes && inside.length) {
      const name = t(l, 'map.region.kayes').toLocaleUpperCase(l);
      const edges = extremes(kayes, bounds);
      candidates.push({
        id: 'region:kayes',
        kind: 'region',
        lineSets: breaks(name),
        spots: [
          ...inside.map((lngLat): Spot => ({ lngLat, anchors: ['center'] })),
          { lngLat: edges.south, anchors: ['bottom', 'bottom-left', 'bottom-right'], fallback: true },
          { lngLat: edges.west, anchors: ['left', 'bottom-left', 'top-left'], fallback: true },
          { lngLat: edges.north, anchors: ['top', 'top-left', 'top-right'], fallback: true },
          { lngLat: edges.east, anchors: ['right', 'bottom-right', 'top-right'], fallback: true },
        ],
        // After the places (each has eight sides to try), before everything else: the step is about it.
        priority: 95,
        gap: 4,
      });
    }
  }

  // Countries: every one visible in the view; those the scene's layers select first.
  const selected = new Set(layers.flatMap((layer) => layerCountries(layer, data)));
  for (const country of data.countries.features) {
    const spots = polygonSpots(country, bounds, 8);
    if (spots.length === 0) continue;
    const iso = country.properties.iso;
    const name = nameIn(country.properties, l).toLocaleUpperCase(l);
    candidates.push({
      id: `country:${iso}`,
      kind: 'country',
      lineSets: breaks(name),
      spots: spots.map((lngLat) => ({ lngLat, anchors: ['center'] })),
      priority: iso === 'ML' ? 70 : selected.has(iso) ? 58 : 50,
      gap: 0,
      ...(iso === 'ML' ? { variant: 'mali' as const } : {}),
    });
  }

  // Rivers, wherever they are in view.
  for (const river of data.rivers.features) {
    const spots = lineSpots(river, bounds);
    if (spots.length === 0) continue;
    candidates.push({
      id: `river:${river.properties.id}`,
      kind: 'river',
      lineSets: [[t(l, 'map.river', { name: nameIn(river.properties, l) })]],
      spots: spots.map((lngLat) => ({ lngLat, anchors: ['top', 'bottom', 'right', 'left'] })),
      // One label per river: above the plain neighbours, below the countries the scene is about.
      priority: 52,
      gap: 3,
    });
  }
  return candidates;
}

/** Boxes overlap by more than `slack` px. */
export const boxesOverlap = (a: readonly number[], b: readonly number[], slack = 0) =>
  a[0] < b[2] - slack && b[0] < a[2] - slack && a[1] < b[3] - slack && b[1] < a[3] - slack;

/** The text box of a label at (x, y) on side `anchor`. */
export function boxAt(anchor: Anchor, x: number, y: number, gap: number, w: number, h: number): [number, number, number, number] {
  const d = gap * 0.7;
  switch (anchor) {
    case 'right':
      return [x + gap, y - h / 2, x + gap + w, y + h / 2];
    case 'left':
      return [x - gap - w, y - h / 2, x - gap, y + h / 2];
    case 'top':
      return [x - w / 2, y - gap - h, x + w / 2, y - gap];
    case 'bottom':
      return [x - w / 2, y + gap, x + w / 2, y + gap + h];
    case 'top-right':
      return [x + d, y - d - h, x + d + w, y - d];
    case 'bottom-right':
      return [x + d, y + d, x + d + w, y + d + h];
    case 'top-left':
      return [x - d - w, y - d - h, x - d, y - d];
    case 'bottom-left':
      return [x - d - w, y + d, x - d, y + d + h];
    case 'center':
      return [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
  }
}

export interface PlaceOptions {
  /** Boxes (CSS px, [left, top, right, bottom]) labels must keep clear of: legend, key, caption, locator, buttons. */
  reserved?: [number, number, number, number][];
  /** Clearance from the map's edges, CSS px. Default 4. */
  margin?: number;
  /** Text widths (default: the DejaVu Sans estimate). */
  measure?: Measure;
  /** Gap kept between two labels, CSS px. Default 2. */
  spacing?: number;
  /** Lines labels keep off, as [lon, lat] polylines drawn straight in Web Mercator (the scene's routes). */
  lines?: [number, number][][];
}

/** True when the segment from a to b (CSS px) crosses or touches the box ([left, top, right, bottom]). */
export function segmentHitsBox(a: [number, number], b: [number, number], box: readonly number[]): boolean {
  // Liang–Barsky clipping of the segment to the box.
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const edges: [number, number][] = [
    [-dx, a[0] - box[0]],
    [dx, box[2] - a[0]],
    [-dy, a[1] - box[1]],
    [dy, box[3] - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** The scene's routes as polylines ([lon, lat] degrees), for PlaceOptions.lines. */
export function routeLines(scene: MapSceneData, overlays: Overlays): [number, number][][] {
  const layers = visibleLayers(scene);
  return overlays.routes.features
    .filter((r) => layers.includes(r.properties.layer))
    .map((r) => r.geometry.coordinates as [number, number][]);
}

/** Labels that must show whenever there is any way to fit them: places, dated notes and the Kayes region. */
export function isEssential(c: Pick<LabelCandidate, 'kind' | 'variant'>): boolean {
  return c.kind === 'place' || c.kind === 'region' || (c.kind === 'annotation' && c.variant === 'event');
}

/** Number of extra greedy passes placeLabels may make to fit essential labels. */
const RETRIES = 6;

/**
 * Places labels greedily by priority: each tries its line sets, spots and
 * sides in order and takes the first box that stays inside `size` (CSS px,
 * minus the margin), clear of the reserved boxes, of the boxes already placed
 * and of every highlighted place's dot; a label with no room is returned
 * without an anchor (hidden). When an essential label (isEssential) finds no
 * room, it is moved ahead of the others and the pass is run again (up to
 * RETRIES times); the pass hiding the fewest essential, then fewest labels
 * wins. `project` maps [lon, lat] to CSS px. Returns one PlacedLabel per
 * candidate, in the candidates' order.
 */
export function placeLabels(
  candidates: LabelCandidate[],
  project: (lngLat: [number, number]) => [number, number],
  size: { width: number; height: number },
  options: PlaceOptions = {},
): PlacedLabel[] {
  let order = [...candidates].sort((a, b) => b.priority - a.priority);
  let best: PlacedLabel[] | undefined;
  let bestScore = Infinity;
  for (let pass = 0; pass <= RETRIES; pass++) {
    const placed = placeInOrder(order, candidates, project, size, options);
    const hiddenEssential = placed.filter((l) => !l.anchor && isEssential(l));
    const score = hiddenEssential.length * 1000 + placed.filter((l) => !l.anchor).length;
    if (score < bestScore) {
      best = placed;
      bestScore = score;
    }
    if (hiddenEssential.length === 0) break;
    // Move the essential labels that found no room to the front, keeping their order.
    const first = new Set(hiddenEssential.map((l) => l.id));
    order = [...order.filter((c) => first.has(c.id)), ...order.filter((c) => !first.has(c.id))];
  }
  return best as PlacedLabel[];
}

/** One greedy pass of placeLabels over `order`; returns the labels in the order of `candidates`. */
function placeInOrder(
  order: LabelCandidate[],
  candidates: LabelCandidate[],
  project: (lngLat: [number, number]) => [number, number],
  size: { width: number; height: number },
  options: PlaceOptions,
): PlacedLabel[] {
  type Box = [number, number, number, number];
  const margin = options.margin ?? 4;
  const spacing = options.spacing ?? 2;
  const measure = options.measure ?? estimateWidth;
  const grow = (b: Box): Box => [b[0] - spacing / 2, b[1] - spacing / 2, b[2] + spacing / 2, b[3] + spacing / 2];
  // Every highlighted place's dot is an obstacle for every other label.
  const taken: { owner?: string; box: Box }[] = (options.reserved ?? []).map((box) => ({ box }));
  for (const c of candidates) {
    if (!c.place || !c.symbol) continue;
    const [x, y] = project(c.place);
    const r = pointDiameter(c.symbol) / 2 + 1;
    taken.push({ owner: c.id, box: [x - r, y - r, x + r, y + r] });
  }
  const segments = (options.lines ?? []).flatMap((line) => {
    const px = line.map(project);
    return px.slice(1).map((b, i) => [px[i], b] as [[number, number], [number, number]]);
  });
  const placed = new Map<string, PlacedLabel>();
  for (const c of order) {
    let chosen: PlacedLabel | undefined;
    // Off the routes if possible, across one if not; last-resort spots after every other.
    const tiers = [
      { avoidLines: true, fallback: false },
      { avoidLines: false, fallback: false },
      { avoidLines: true, fallback: true },
      { avoidLines: false, fallback: true },
    ].filter((tier) => (segments.length > 0 || !tier.avoidLines) && (!tier.fallback || c.spots.some((p) => p.fallback)));
    search: for (const { avoidLines, fallback } of tiers) {
      for (const lines of c.lineSets) {
        const { width, height } = measureLines(c.kind, lines, measure, c.variant);
        for (const spot of c.spots) {
          if (Boolean(spot.fallback) !== fallback) continue;
          const [x, y] = project(spot.lngLat);
          for (const anchor of spot.anchors) {
            const box = boxAt(anchor, x, y, c.gap, width, height);
            const inside = box[0] >= margin && box[1] >= margin && box[2] <= size.width - margin && box[3] <= size.height - margin;
            if (!inside) continue;
            const padded = grow(box);
            if (avoidLines && segments.some(([a, b]) => segmentHitsBox(a, b, padded))) continue;
            if (taken.every((other) => other.owner === c.id || !boxesOverlap(padded, other.box))) {
              chosen = { ...c, anchor, lines, lngLat: spot.lngLat, x, y, box };
              break search;
            }
          }
        }
      }
    }
    if (chosen) {
      taken.push({ owner: c.id, box: grow(chosen.box) });
    } else {
      const spot = c.spots[0];
      const [x, y] = project(spot.lngLat);
      const { width, height } = measureLines(c.kind, c.lineSets[0], measure, c.variant);
      chosen = { ...c, anchor: undefined, lines: c.lineSets[0], lngLat: spot.lngLat, x, y, box: boxAt(spot.anchors[0], x, y, c.gap, width, height) };
    }
    placed.set(c.id, chosen);
  }
  return candidates.map((c) => placed.get(c.id) as PlacedLabel);
}

/** The symbols of the dots the scene draws for its highlighted places (for the legend). */
export function placeSymbols(scene: MapSceneData, story: StoryData): Set<PointSymbolName> {
  return new Set(scene.highlight.map((id) => placeSymbol(scene, story, id)));
}
