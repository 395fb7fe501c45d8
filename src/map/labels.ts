/**
 * Map labels, shared by the WebGL map (HTML markers) and the SVG renderer:
 * which labels a scene shows (highlighted places, key countries, area
 * annotations), where each sits, and which side of its point it takes so
 * labels do not collide.
 *
 * Pure: positions are computed in CSS px from the scene's camera (camera.ts),
 * with text widths estimated from character counts, so the same labels come
 * out in the browser, at build time and in tests.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { geoContains, geoMercator, geoPath } from 'd3-geo';
import type { Bounds, LayerId, MapSceneData, StoryData } from '../story/types';
import { t } from '../i18n/ui';
import type { GeoData, CountryProperties } from './geo-data';
import type { Overlays } from './overlays';
import { AES, CONVOY_ORIGINS, FUEL_BAN, KEY_COUNTRIES } from './country-sets';
import { LABEL_SIZES, SYMBOLS } from './symbols';
import { visibleLayers } from './scene-layers';

/** Which side of its point a label sits on. */
export type Anchor = 'right' | 'left' | 'top' | 'bottom' | 'top-right' | 'bottom-right' | 'top-left' | 'bottom-left' | 'center';

export interface LabelCandidate {
  /** Unique in the scene: `place:kayes`, `country:SN`, `area:blockade-kayes`. */
  id: string;
  kind: 'place' | 'country' | 'annotation';
  /** One or two lines of text (the second is smaller). */
  lines: string[];
  /** Where the label refers to, [lon, lat] in degrees. */
  lngLat: [number, number];
  /** Higher is placed first. */
  priority: number;
  /** Sides to try, in order. */
  anchors: Anchor[];
  /** Clearance between the point and the text, CSS px. */
  gap: number;
}

export interface PlacedLabel extends LabelCandidate {
  /** The side chosen; undefined when the label had no room and is hidden. */
  anchor?: Anchor;
  /** The point in CSS px. */
  x: number;
  y: number;
  /** The text box in CSS px ([left, top, right, bottom]). */
  box: [number, number, number, number];
}

/** Font size in CSS px of a label kind's first line (the second line is 1 px smaller but never under 12). */
export function fontSize(kind: LabelCandidate['kind']): number {
  return kind === 'place' ? LABEL_SIZES.place : kind === 'country' ? LABEL_SIZES.country : LABEL_SIZES.annotation;
}

/** Estimated text box size in CSS px (sans-serif; country labels are upper case and letter-spaced). */
export function measure(candidate: Pick<LabelCandidate, 'kind' | 'lines'>): { width: number; height: number } {
  const size = fontSize(candidate.kind);
  const perChar = candidate.kind === 'country' ? 0.78 : 0.56;
  // Place names are bold; a second line is regular and 1 px smaller (never under 12).
  const lineWidth = (line: string, i: number) =>
    i === 0
      ? line.length * size * perChar * (candidate.kind === 'place' ? 1.06 : 1)
      : line.length * Math.max(12, size - 1) * perChar;
  const width = Math.max(...candidate.lines.map(lineWidth)) + 4;
  const height = candidate.lines.length * size * 1.25 + 2;
  return { width, height };
}

/** Splits "Kidira (border with Diboli, Mali)" into ["Kidira", "border with Diboli, Mali"]. */
export function labelLines(name: string): string[] {
  const match = /^(.*\S)\s*\((.+)\)$/.exec(name);
  return match ? [match[1], match[2]] : [name];
}

/** Countries that layers select, labelled while the layer shows. */
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

/**
 * Where to write a country's name in a view: the centroid of the part of the
 * country inside `bounds` (degrees), if that part covers at least `minShare`
 * of the view and the centroid falls inside the country. Undefined otherwise.
 */
export function countryAnchor(
  country: Feature<Polygon | MultiPolygon, CountryProperties>,
  bounds: Bounds,
  minShare = 0.03,
): [number, number] | undefined {
  const projection = geoMercator();
  const [[w, s], [e, n]] = bounds;
  const [x0, y0] = projection([w, n]) as [number, number];
  const [x1, y1] = projection([e, s]) as [number, number];
  projection.clipExtent([
    [x0, y0],
    [x1, y1],
  ]);
  const path = geoPath(projection);
  const share = path.area(country) / ((x1 - x0) * (y1 - y0));
  if (!(share >= minShare)) return undefined;
  const lngLat = projection.invert?.(path.centroid(country));
  if (!lngLat || !geoContains(country, lngLat)) return undefined;
  return [lngLat[0], lngLat[1]];
}

/**
 * Every label `scene` may show, before placement: its highlighted places
 * (names from content/places), the key countries and those its layers
 * select (when enough of them is in view), and the names of its approximate
 * areas. Throws if a highlighted place is missing from `story`.
 */
export function labelCandidates(scene: MapSceneData, story: StoryData, data: GeoData, overlays: Overlays): LabelCandidate[] {
  const view = story.views[scene.view];
  if (!view) throw new Error(`map scene "${scene.id}" names view "${scene.view}", which is not in content/views/`);
  const l = story.locale;
  const layers = visibleLayers(scene);
  const candidates: LabelCandidate[] = [];

  scene.highlight.forEach((id, i) => {
    const place = story.places[id];
    if (!place) throw new Error(`map scene "${scene.id}" highlights place "${id}", which is not in content/places/`);
    const symbol = place.kind === 'capital' ? SYMBOLS.capital : SYMBOLS.town;
    candidates.push({
      id: `place:${id}`,
      kind: 'place',
      lines: labelLines(place.name),
      lngLat: [place.lon, place.lat],
      priority: 100 - i,
      anchors: ['right', 'left', 'top-right', 'bottom-right', 'top-left', 'bottom-left', 'top', 'bottom'],
      gap: symbol.radius + symbol.strokeWidth + 3,
    });
  });

  const wanted = new Set<string>([...KEY_COUNTRIES, ...layers.flatMap((layer) => layerCountries(layer, data))]);
  for (const country of data.countries.features) {
    const iso = country.properties.iso;
    if (!wanted.has(iso)) continue;
    const lngLat = countryAnchor(country, view.bounds);
    if (!lngLat) continue;
    candidates.push({
      id: `country:${iso}`,
      kind: 'country',
      lines: [country.properties.name.toLocaleUpperCase(l)],
      lngLat,
      priority: iso === 'ML' ? 60 : AES.includes(iso) ? 55 : 50,
      anchors: ['center'],
      gap: 0,
    });
  }

  const qualifiers = { schematic: t(l, 'map.schematic'), approximate: t(l, 'map.approximate') };
  for (const area of overlays.areas.features) {
    if (!layers.includes(area.properties.layer)) continue;
    // Label at the circle's northern edge, above it.
    const ring = area.geometry.coordinates[0];
    const north = ring.reduce((a, b) => (b[1] > a[1] ? b : a));
    candidates.push({
      id: `area:${area.properties.id}`,
      kind: 'annotation',
      lines: [t(l, `map.area.${area.properties.layer}`, qualifiers)],
      lngLat: [north[0], north[1]],
      priority: 40,
      anchors: ['top', 'bottom'],
      gap: 2,
    });
  }
  return candidates;
}

/** Boxes overlap by more than a pixel (text boxes are estimates: a pixel of slack is invisible). */
const overlaps = (a: number[], b: number[]) =>
  a[0] < b[2] - 1 && b[0] < a[2] - 1 && a[1] < b[3] - 1 && b[1] < a[3] - 1;

/** The text box of a label at (x, y) on side `anchor`. */
function boxAt(anchor: Anchor, x: number, y: number, gap: number, w: number, h: number): [number, number, number, number] {
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
      return [x + gap * 0.7, y - gap * 0.7 - h, x + gap * 0.7 + w, y - gap * 0.7];
    case 'bottom-right':
      return [x + gap * 0.7, y + gap * 0.7, x + gap * 0.7 + w, y + gap * 0.7 + h];
    case 'top-left':
      return [x - gap * 0.7 - w, y - gap * 0.7 - h, x - gap * 0.7, y - gap * 0.7];
    case 'bottom-left':
      return [x - gap * 0.7 - w, y + gap * 0.7, x - gap * 0.7, y + gap * 0.7 + h];
    case 'center':
      return [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
  }
}

/**
 * Places labels greedily by priority: each takes the first of its anchors
 * whose box stays inside `size` (CSS px, minus `margin`) and clear of the
 * boxes already placed and of every highlighted place's dot; a label with no
 * room is returned without an anchor (hidden). `project` maps [lon, lat] to
 * CSS px. `reserved` boxes (legend, buttons) are kept clear too.
 */
export function placeLabels(
  candidates: LabelCandidate[],
  project: (lngLat: [number, number]) => [number, number],
  size: { width: number; height: number },
  reserved: [number, number, number, number][] = [],
  margin = 4,
): PlacedLabel[] {
  type Box = [number, number, number, number];
  // Every highlighted place's dot is an obstacle for every other label.
  const taken: { owner?: string; box: Box }[] = reserved.map((box) => ({ box }));
  for (const c of candidates) {
    if (c.kind !== 'place') continue;
    const [x, y] = project(c.lngLat);
    const r = c.gap - 2;
    taken.push({ owner: c.id, box: [x - r, y - r, x + r, y + r] });
  }
  const order = [...candidates].sort((a, b) => b.priority - a.priority);
  const placed = new Map<string, PlacedLabel>();
  for (const c of order) {
    const [x, y] = project(c.lngLat);
    const { width, height } = measure(c);
    let chosen: PlacedLabel | undefined;
    for (const anchor of c.anchors) {
      const box = boxAt(anchor, x, y, c.gap, width, height);
      const insideView =
        box[0] >= margin && box[1] >= margin && box[2] <= size.width - margin && box[3] <= size.height - margin;
      if (!insideView) continue;
      if (taken.every((other) => other.owner === c.id || !overlaps(box, other.box))) {
        chosen = { ...c, anchor, x, y, box };
        break;
      }
    }
    if (chosen) {
      taken.push({ owner: c.id, box: chosen.box });
    } else {
      chosen = { ...c, anchor: undefined, x, y, box: boxAt(c.anchors[0], x, y, c.gap, width, height) };
    }
    placed.set(c.id, chosen);
  }
  return candidates.map((c) => placed.get(c.id) as PlacedLabel);
}
