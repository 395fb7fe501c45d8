/**
 * Small helpers shared by the SVG drawings of the map (svg-map.ts, inset.ts):
 * escaping text for XML, rounding coordinates, and a d3-geo stream filter
 * that drops sub-pixel vertices.
 */
import type { GeoStream } from 'd3-geo';

/** `s` escaped for XML text and attribute values. */
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `n` rounded to 0.1 (CSS px), as a string. */
export const num = (n: number) => String(Math.round(n * 10) / 10);

/**
 * A stream filter in projected px that drops a point closer than `minDistance`
 * px to the last one kept (ring and line ends are always kept), so small-scale
 * drawings do not carry thousands of sub-pixel vertices.
 */
export function dropSubpixel(minDistance: number) {
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
