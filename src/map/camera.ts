/**
 * Camera maths for the story map: from a view's bounds (degrees) to a Web
 * Mercator camera (center in degrees, MapLibre zoom with 512-px tiles) that
 * fits those bounds in the part of the graphic the reader can see, and the
 * duration of a flight between two cameras.
 *
 * Pure: no DOM, no MapLibre. The WebGL map, the SVG fallback and the unit
 * tests all use the same numbers, so a view frames the same geography at
 * 375 px and at 1440 px.
 */
import type { Bounds, MapSceneData, StoryData } from '../story/types';
import type { Layout } from '../story/layout';

/** MapLibre's world size at zoom 0, in CSS px. */
export const TILE_SIZE = 512;
/** Zoom limits for story cameras. */
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 12;
/** Web Mercator's latitude limit, degrees. */
const MAX_LAT = 85.0511287798;

/** Container size in CSS px. */
export interface Size {
  width: number;
  height: number;
}

/** Insets in CSS px that the bounds must stay clear of. */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A camera: center [lon, lat] in degrees and a MapLibre zoom level. */
export interface Camera {
  center: [number, number];
  zoom: number;
  bearing?: number;
  pitch?: number;
}

export type { Layout } from '../story/layout';
export { layoutFor } from '../story/layout';

/** Size in CSS px of the legend box drawn over the map (zero when there is none). */
export interface LegendBox {
  width: number;
  height: number;
}

const NO_LEGEND: LegendBox = { width: 0, height: 0 };

/** Bands of the panel, CSS px, that the map's chrome covers along its whole width (caption at the bottom, a bar at the top). */
export interface Insets {
  top: number;
  bottom: number;
  /** Chrome in the panel's corners (the explore button, the locator), kept clear like the legend. */
  corners?: CornerBox[];
}

/**
 * A box of chrome in a corner of the panel: its `width` and `height` in CSS
 * px are measured from that corner's two edges to the box's far sides (so they
 * include the gap between the box and the edges, and any band under it).
 */
export interface CornerBox {
  corner: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
  width: number;
  height: number;
}

const NO_INSETS: Insets = { top: 0, bottom: 0 };

/**
 * Candidate paddings that keep a view's bounds where the reader sees them.
 * - `stacked` (portrait phones): the graphic is a pane of its own, nothing
 *   passes over it; the legend is a one-line key at the top of the pane
 *   (`legend` is that closed key's box), so the bounds sit below it, above the
 *   caption (`insets.bottom`), with a margin all round;
 * - `column` (wide screens): a margin all round inside the insets, and the
 *   legend box in the lower-left corner above the caption, kept clear either
 *   by padding the bottom by its height or the left by its width (two
 *   candidates; `fitView` keeps the better).
 * - in both layouts, for each corner box of `insets.corners` (the explore
 *   button, the locator), also the paddings that keep the bounds clear of it:
 *   its top or bottom side padded by its height, or its left or right side by
 *   its width (every combination is a candidate; `fitView` uses them only
 *   when a place it must keep in sight would lie under the box).
 * Each pair of opposite insets is capped at 70 % of the dimension.
 * Sizes in CSS px.
 */
export function paddingsFor(size: Size, layout: Layout, legend: LegendBox = NO_LEGEND, insets: Insets = NO_INSETS): Padding[] {
  const margin = Math.round(Math.max(12, Math.min(32, Math.min(size.width, size.height) * 0.04)));
  const top = margin + insets.top;
  const bottom = margin + insets.bottom;
  const raw: Padding[] =
    layout === 'stacked'
      ? [{ top: top + legend.height, right: margin, bottom, left: margin }]
      : legend.height > 0
        ? [
            { top, right: margin, bottom: bottom + legend.height, left: margin },
            { top, right: margin, bottom, left: margin + legend.width },
          ]
        : [{ top, right: margin, bottom, left: margin }];
  let candidates = raw;
  for (const box of insets.corners ?? []) {
    if (box.width <= 0 || box.height <= 0) continue;
    const [vertical, horizontal] = box.corner.split('-') as ['top' | 'bottom', 'left' | 'right'];
    candidates = candidates.flatMap((p) => [
      p,
      { ...p, [vertical]: Math.max(p[vertical], margin + box.height) },
      { ...p, [horizontal]: Math.max(p[horizontal], margin + box.width) },
    ]);
  }
  const fit = (a: number, b: number, total: number): [number, number] => {
    const max = total * 0.7;
    if (a + b <= max) return [a, b];
    const k = max / (a + b);
    return [Math.round(a * k), Math.round(b * k)];
  };
  return candidates.map((p) => {
    const [t, b] = fit(p.top, p.bottom, size.height);
    const [l, r] = fit(p.left, p.right, size.width);
    return { top: t, right: r, bottom: b, left: l };
  });
}

/** How far (CSS px) a place to keep in sight must stay from a corner box: about an event marker's radius. */
export const KEEP_CLEAR_PX = 10;

/**
 * The camera for a view: fits `bounds` ([[west, south], [east, north]],
 * degrees) in `size` (CSS px) with the padding of `layout`, `legend` and
 * `insets` (see paddingsFor) that gives the closest zoom, among those that
 * leave every point of `keep` ([lon, lat] degrees: the scene's highlighted
 * places) at least KEEP_CLEAR_PX from the corner boxes of `insets.corners`
 * (when none does, the one that leaves the fewest under them). Returns the
 * camera and the padding used. Throws on invalid bounds.
 */
export function fitView(
  bounds: Bounds,
  size: Size,
  layout: Layout,
  legend: LegendBox = NO_LEGEND,
  insets: Insets = NO_INSETS,
  keep: [number, number][] = [],
): { camera: Camera; padding: Padding } {
  const corners = insets.corners ?? [];
  let best: { camera: Camera; padding: Padding; hidden: number } | undefined;
  for (const padding of paddingsFor(size, layout, legend, insets)) {
    const camera = cameraForBounds(bounds, size, padding);
    const hidden = corners.length === 0 ? 0 : keep.filter((p) => corners.some((box) => underCorner(box, size, project(camera, size, p)))).length;
    if (!best || hidden < best.hidden || (hidden === best.hidden && camera.zoom > best.camera.zoom + 1e-9)) best = { camera, padding, hidden };
  }
  const { camera, padding } = best!;
  return { camera, padding };
}

/** True when the point `[x, y]` (CSS px in a panel of `size`) lies under `box` or within KEEP_CLEAR_PX of it. */
export function underCorner(box: CornerBox, size: Size, [x, y]: [number, number]): boolean {
  const r = KEEP_CLEAR_PX;
  const inX = box.corner.endsWith('left') ? x < box.width + r : x > size.width - box.width - r;
  const inY = box.corner.startsWith('top') ? y < box.height + r : y > size.height - box.height - r;
  return inX && inY;
}

/**
 * The [lon, lat] of the places `scene` highlights (the points `fitView` keeps
 * clear of the corner chrome), from `places` (content/places). Places
 * missing from `places` are left out (the labels module reports them).
 */
export function placesToKeep(scene: Pick<MapSceneData, 'highlight'>, places: StoryData['places']): [number, number][] {
  return scene.highlight.flatMap((id) => (places[id] ? [[places[id].lon, places[id].lat] as [number, number]] : []));
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Longitude (degrees) → Web Mercator x in world units (0 at 180°W, 1 at 180°E). */
export function mercatorX(lon: number): number {
  return (lon + 180) / 360;
}

/** Latitude (degrees) → Web Mercator y in world units (0 at the top, 1 at the bottom). */
export function mercatorY(lat: number): number {
  const phi = (clamp(lat, -MAX_LAT, MAX_LAT) * Math.PI) / 180;
  return (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2;
}

/** Web Mercator x (world units) → longitude in degrees. */
export function lonFromX(x: number): number {
  return x * 360 - 180;
}

/** Web Mercator y (world units) → latitude in degrees. */
export function latFromY(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/**
 * The camera that fits `bounds` ([[west, south], [east, north]], degrees)
 * inside `size` minus `padding` (CSS px), centred in the padded area, for a
 * map whose viewport is the whole `size`. The zoom is clamped to
 * [MIN_ZOOM, MAX_ZOOM]. Throws on bounds with west >= east or south >= north.
 */
export function cameraForBounds(bounds: Bounds, size: Size, padding: Padding): Camera {
  const [[west, south], [east, north]] = bounds;
  if (!(west < east && south < north)) throw new Error(`invalid view bounds ${JSON.stringify(bounds)}`);
  const x0 = mercatorX(west);
  const x1 = mercatorX(east);
  const y0 = mercatorY(north);
  const y1 = mercatorY(south);
  const availableWidth = Math.max(1, size.width - padding.left - padding.right);
  const availableHeight = Math.max(1, size.height - padding.top - padding.bottom);
  const scale = Math.min(availableWidth / (x1 - x0), availableHeight / (y1 - y0)); // px per world unit
  const zoom = clamp(Math.log2(scale / TILE_SIZE), MIN_ZOOM, MAX_ZOOM);
  const worldSize = TILE_SIZE * 2 ** zoom;
  // The padded area's centre sits (left - right) / 2, (top - bottom) / 2 px
  // from the viewport's centre; move the camera the other way.
  const cx = (x0 + x1) / 2 - (padding.left - padding.right) / 2 / worldSize;
  const cy = (y0 + y1) / 2 - (padding.top - padding.bottom) / 2 / worldSize;
  return { center: [lonFromX(cx), latFromY(cy)], zoom };
}

/**
 * Projects [lon, lat] (degrees) to CSS px in a viewport of `size` looking
 * through `camera` (north up, no pitch).
 */
export function project(camera: Camera, size: Size, [lon, lat]: [number, number]): [number, number] {
  const worldSize = TILE_SIZE * 2 ** camera.zoom;
  return [
    size.width / 2 + (mercatorX(lon) - mercatorX(camera.center[0])) * worldSize,
    size.height / 2 + (mercatorY(lat) - mercatorY(camera.center[1])) * worldSize,
  ];
}

/** The bounds ([[west, south], [east, north]], degrees) a viewport of `size` shows through `camera`. */
export function visibleBounds(camera: Camera, size: Size): Bounds {
  const worldSize = TILE_SIZE * 2 ** camera.zoom;
  const cx = mercatorX(camera.center[0]);
  const cy = mercatorY(camera.center[1]);
  const dx = size.width / 2 / worldSize;
  const dy = size.height / 2 / worldSize;
  return [
    [lonFromX(cx - dx), latFromY(cy + dy)],
    [lonFromX(cx + dx), latFromY(cy - dy)],
  ];
}

/** Flight duration limits in ms. */
export const FLIGHT_MIN_MS = 600;
export const FLIGHT_MAX_MS = 2400;

/**
 * How long a flight from `from` to `to` takes, in ms: 500 ms, plus 300 ms per
 * zoom level changed, plus 1 ms per CSS px the centre travels (measured at the
 * lower of the two zooms, as a reader sees it), clamped to
 * [FLIGHT_MIN_MS, FLIGHT_MAX_MS]. Returns 0 when the camera does not move.
 */
export function flightDuration(from: Camera, to: Camera): number {
  const zoomChange = Math.abs(to.zoom - from.zoom);
  const worldSize = TILE_SIZE * 2 ** Math.min(from.zoom, to.zoom);
  const dx = (mercatorX(to.center[0]) - mercatorX(from.center[0])) * worldSize;
  const dy = (mercatorY(to.center[1]) - mercatorY(from.center[1])) * worldSize;
  const travel = Math.hypot(dx, dy);
  if (zoomChange < 0.01 && travel < 1) return 0;
  return Math.round(clamp(500 + 300 * zoomChange + travel, FLIGHT_MIN_MS, FLIGHT_MAX_MS));
}
