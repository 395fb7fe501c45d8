/**
 * The map's two small guides, drawn as SVG markup from data already built
 * (no request): the locator inset (Africa's outline from the geodata, Mali
 * shaded, the view's frame) and the scale bar (kilometres at the camera's
 * centre latitude, Web Mercator). Both renderers use them: the WebGL map and
 * the SVG fallback put the markup in small HTML boxes over the map; the
 * static figures draw it inside their SVG.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { geoEquirectangular, geoPath, type GeoPermissibleObjects, type GeoStream } from 'd3-geo';
import type { Bounds, Locale } from '../story/types';
import { t } from '../i18n/ui';
import { formatNumber } from '../i18n/format';
import { GREY, GROUND, INK } from '../design/tokens';
import { mercatorY, latFromY, TILE_SIZE, type Camera } from './camera';
import { MAP_TYPE } from './symbols';
import { dropSubpixel, esc, num } from './svg-util';

/** Size of the locator inset, CSS px. */
export const LOCATOR_SIZE = { width: 60, height: 64 } as const;
/** Smallest side of the view's frame in the locator, CSS px (a small view still shows). */
const MIN_FRAME = 7;

/**
 * The locator's shapes (no wrapper) in a `width`×`height` px box at (x, y):
 * a paper background with a grey border, Africa (`africa`, degrees) in grey,
 * Mali (`mali`) darker, and the frame of `bounds` ([[w, s], [e, n]], degrees)
 * in ink, at least MIN_FRAME px on a side.
 */
export function locatorShapes(
  africa: Feature<Polygon | MultiPolygon>,
  mali: Feature<Polygon | MultiPolygon> | undefined,
  bounds: Bounds,
  x: number,
  y: number,
  width: number = LOCATOR_SIZE.width,
  height: number = LOCATOR_SIZE.height,
): string {
  const pad = 4;
  const projection = geoEquirectangular().fitExtent(
    [
      [x + pad, y + pad],
      [x + width - pad, y + height - pad],
    ],
    africa,
  );
  const thin = dropSubpixel(0.8);
  const path = geoPath({ stream: (out: GeoStream) => projection.stream(thin(out)) }).digits(1);
  const d = (o: GeoPermissibleObjects) => path(o) ?? '';
  const [[w, s], [e, n]] = bounds;
  const p0 = projection([w, n]) as [number, number];
  const p1 = projection([e, s]) as [number, number];
  const cx = (p0[0] + p1[0]) / 2;
  const cy = (p0[1] + p1[1]) / 2;
  const fw = Math.max(MIN_FRAME, p1[0] - p0[0]);
  const fh = Math.max(MIN_FRAME, p1[1] - p0[1]);
  return (
    `<rect x="${num(x + 0.5)}" y="${num(y + 0.5)}" width="${num(width - 1)}" height="${num(height - 1)}" rx="3" fill="${GROUND.mali}" fill-opacity="0.94" stroke="${GREY.border}" stroke-width="1"/>` +
    `<path d="${d(africa)}" fill="${GREY.fill}" stroke="${GREY.border}" stroke-width="0.5"/>` +
    (mali ? `<path d="${d(mali)}" fill="${GREY.context}"/>` : '') +
    `<rect data-frame="" x="${num(cx - fw / 2)}" y="${num(cy - fh / 2)}" width="${num(fw)}" height="${num(fh)}" fill="none" stroke="${INK.ink}" stroke-width="1.5"/>`
  );
}

/** The locator as a standalone `<svg>` (for the HTML box over the live map), with its accessible name. */
export function locatorSvg(
  africa: Feature<Polygon | MultiPolygon>,
  mali: Feature<Polygon | MultiPolygon> | undefined,
  bounds: Bounds,
  locale: Locale,
): string {
  const { width, height } = LOCATOR_SIZE;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(t(locale, 'map.locator'))}">` +
    locatorShapes(africa, mali, bounds, 0, 0) +
    `</svg>`
  );
}

/** Mean Earth radius, km. */
const EARTH_RADIUS_KM = 6371;

/** The scale bar's length: `km` kilometres drawn `px` CSS px long. */
export interface Scale {
  km: number;
  px: number;
}

/**
 * The longest round distance (1, 2 or 5 × 10^k km) that `camera` (Web
 * Mercator, 512-px tiles) draws in at most `maxPx` CSS px at the latitude of
 * the camera's centre, and its length in px.
 */
export function scaleFor(camera: Pick<Camera, 'center' | 'zoom'>, maxPx = 96): Scale {
  // The centre's latitude, through the same Mercator the map uses.
  const lat = latFromY(mercatorY(camera.center[1]));
  const kmPerPx = (2 * Math.PI * EARTH_RADIUS_KM * Math.cos((lat * Math.PI) / 180)) / (TILE_SIZE * 2 ** camera.zoom);
  const maxKm = maxPx * kmPerPx;
  const magnitude = 10 ** Math.floor(Math.log10(maxKm));
  const km = [5, 2, 1].map((m) => m * magnitude).find((v) => v <= maxKm) ?? magnitude;
  return { km, px: km / kmPerPx };
}

/** Height of the scale bar's drawing, CSS px (text above, bar below). */
export const SCALE_HEIGHT = Math.ceil(MAP_TYPE.legend * 1.2) + 9;

/** The scale bar's text ("100 km") in `locale`. */
export function scaleText(scale: Scale, locale: Locale): string {
  return t(locale, 'unit.km', { value: formatNumber(scale.km, locale) });
}

/**
 * The scale bar's shapes (no wrapper) with its top-left corner at (x, y):
 * the distance in text (12 px, with a halo) above a bar `scale.px` long with
 * end ticks, in ink.
 */
export function scaleShapes(scale: Scale, locale: Locale, x: number, y: number): string {
  const size = MAP_TYPE.legend;
  const baseline = y + size;
  const bar = y + SCALE_HEIGHT - 2;
  const x1 = x + 1;
  const x2 = x + 1 + scale.px;
  return (
    `<text x="${num(x1)}" y="${num(baseline)}" font-size="${size}" fill="${INK.ink}" stroke="${GROUND.mali}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${esc(scaleText(scale, locale))}</text>` +
    `<path d="M${num(x1)} ${num(bar - 5)}V${num(bar)}H${num(x2)}V${num(bar - 5)}" fill="none" stroke="${GROUND.mali}" stroke-width="4" stroke-linejoin="round"/>` +
    `<path d="M${num(x1)} ${num(bar - 5)}V${num(bar)}H${num(x2)}V${num(bar - 5)}" fill="none" stroke="${INK.ink}" stroke-width="1.5"/>`
  );
}

/** Width of the scale bar's drawing, CSS px, given the width of its text. */
export function scaleWidth(scale: Scale, textWidth: number): number {
  return Math.ceil(Math.max(scale.px + 2, textWidth + 2));
}
