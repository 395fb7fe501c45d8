/**
 * Where labels may sit, from the geography: spots inside a country's or a
 * region's visible part (far from its borders and from the view's edges), and
 * spots along a river's visible course. Pure: degrees in, degrees out, with
 * distances measured in Web Mercator (the map's projection), so the ranking
 * is the same at every screen size. Results are cached per feature and view.
 */
import type { Feature, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { geoContains } from 'd3-geo';
import type { Bounds } from '../story/types';
import { latFromY, lonFromX, mercatorX, mercatorY } from './camera';

/** Grid cells across the longer side of a polygon's visible part when searching it for label spots. */
const GRID = 12;

const cache = new WeakMap<object, Map<string, [number, number][]>>();

function cached(feature: object, key: string, compute: () => [number, number][]): [number, number][] {
  let byKey = cache.get(feature);
  if (!byKey) cache.set(feature, (byKey = new Map()));
  let value = byKey.get(key);
  if (!value) byKey.set(key, (value = compute()));
  return value;
}

/** Distance from point p to segment ab (all [x, y]). */
function segmentDistance(p: [number, number], a: number[], b: number[]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** The [west, south, east, north] extent (degrees) of a polygon's vertices. */
function extentOf(feature: Feature<Polygon | MultiPolygon>): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : feature.geometry.coordinates.flat();
  for (const ring of rings) {
    for (const [x, y] of ring) {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
  }
  return [w, s, e, n];
}

/**
 * Up to `count` label spots ([lon, lat], degrees) inside the part of
 * `feature` within `bounds` ([[w, s], [e, n]], degrees), best first: a grid
 * of candidates (GRID cells across the visible part's longer side) inside the
 * polygon, ranked by their distance to the nearest border or view edge (Web
 * Mercator), kept at least 1.5 cells apart. `minShare` (0–1): returns []
 * when the visible part covers less than this share of the view. Cached per
 * feature and arguments.
 */
export function polygonSpots(
  feature: Feature<Polygon | MultiPolygon>,
  bounds: Bounds,
  count = 5,
  minShare = 0.001,
): [number, number][] {
  return cached(feature, `${JSON.stringify(bounds)}|${count}|${minShare}`, () => {
    const [[w, s], [e, n]] = bounds;
    const [fw, fs, fe, fn] = extentOf(feature);
    // The visible part's extent, in Web Mercator.
    const vx0 = mercatorX(w);
    const vx1 = mercatorX(e);
    const vy0 = mercatorY(n);
    const vy1 = mercatorY(s);
    const x0 = Math.max(vx0, mercatorX(fw));
    const x1 = Math.min(vx1, mercatorX(fe));
    const y0 = Math.max(vy0, mercatorY(fn));
    const y1 = Math.min(vy1, mercatorY(fs));
    if (!(x1 > x0 && y1 > y0)) return [];
    const step = Math.max(x1 - x0, y1 - y0) / GRID;
    const rings: Position[][] =
      feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : feature.geometry.coordinates.flat();
    // Edges in Mercator, with those far outside the visible part dropped.
    const pad = step * 4;
    const edges: [number[], number[]][] = [];
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        const a = [mercatorX(ring[i - 1][0]), mercatorY(ring[i - 1][1])];
        const b = [mercatorX(ring[i][0]), mercatorY(ring[i][1])];
        if (Math.max(a[0], b[0]) < x0 - pad || Math.min(a[0], b[0]) > x1 + pad) continue;
        if (Math.max(a[1], b[1]) < y0 - pad || Math.min(a[1], b[1]) > y1 + pad) continue;
        edges.push([a, b]);
      }
    }
    const candidates: { x: number; y: number; score: number }[] = [];
    for (let y = y0 + step / 2; y < y1; y += step) {
      for (let x = x0 + step / 2; x < x1; x += step) {
        const lngLat: [number, number] = [lonFromX(x), latFromY(y)];
        if (!geoContains(feature, lngLat)) continue;
        let score = Math.min(x - vx0, vx1 - x, y - vy0, vy1 - y);
        for (const [a, b] of edges) {
          if (score <= 0) break;
          score = Math.min(score, segmentDistance([x, y], a, b));
        }
        candidates.push({ x, y, score });
      }
    }
    const share = (candidates.length * step * step) / ((vx1 - vx0) * (vy1 - vy0));
    if (candidates.length === 0 || share < minShare) return [];
    candidates.sort((a, b) => b.score - a.score);
    const chosen: { x: number; y: number }[] = [];
    for (const c of candidates) {
      if (chosen.length >= count) break;
      if (chosen.every((o) => Math.hypot(o.x - c.x, o.y - c.y) >= step * 1.5)) chosen.push(c);
    }
    return chosen.map((c) => [lonFromX(c.x), latFromY(c.y)]);
  });
}

/**
 * Up to `count` spots ([lon, lat], degrees) along the part of `river` inside
 * `bounds` shrunk by `inset` (share of each side), best first: the middle of
 * the longest visible stretch, then points further along either way.
 * [] when under three vertices of the river are in view. Cached.
 */
export function lineSpots(river: Feature<MultiLineString>, bounds: Bounds, count = 11, inset = 0.08): [number, number][] {
  return cached(river, `${JSON.stringify(bounds)}|${count}|${inset}`, () => {
    const [[w, s], [e, n]] = bounds;
    const dx = (e - w) * inset;
    const dy = (n - s) * inset;
    const inView = (p: Position) => p[0] >= w + dx && p[0] <= e - dx && p[1] >= s + dy && p[1] <= n - dy;
    // The longest run of consecutive vertices in view.
    let best: Position[] = [];
    for (const part of river.geometry.coordinates) {
      let run: Position[] = [];
      for (const p of part) {
        if (inView(p)) run.push(p);
        else {
          if (run.length > best.length) best = run;
          run = [];
        }
      }
      if (run.length > best.length) best = run;
    }
    if (best.length < 3) return [];
    const fractions = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9, 0.05, 0.95].slice(0, count);
    return fractions.map((f) => {
      const p = best[Math.min(best.length - 1, Math.round(f * (best.length - 1)))];
      return [p[0], p[1]] as [number, number];
    });
  });
}
