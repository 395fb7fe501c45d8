/**
 * The inline MapLibre style: local GeoJSON sources only (the geography from
 * geo-data.ts, the overlays from overlays.ts) and the layers of layers.ts.
 * No glyphs, no sprite, no tiles, no URL of any kind: the map makes no
 * request. Labels are HTML markers (see index.ts), so no font is needed.
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { GeoData } from './geo-data';
import type { Overlays } from './overlays';
import { SOURCE_IDS, styleLayers } from './layers';
import { COLOURS } from './symbols';

/**
 * The whole style for `data` and `overlays` (GeoJSON, degrees). Every story
 * layer is present; all but the base countries start transparent.
 */
export function buildStyle(data: GeoData, overlays: Overlays): StyleSpecification {
  const geojson = (d: GeoJSON.GeoJSON) => ({ type: 'geojson' as const, data: d, tolerance: 0.3 });
  return {
    version: 8,
    name: 'The Road to Bamako',
    sources: {
      [SOURCE_IDS.countries]: geojson(data.countries),
      [SOURCE_IDS.regions]: geojson(data.regions),
      [SOURCE_IDS.regionBorders]: geojson(data.regionBorders),
      [SOURCE_IDS.rivers]: geojson(data.rivers),
      [SOURCE_IDS.routes]: geojson(overlays.routes),
      [SOURCE_IDS.areas]: geojson(overlays.areas),
      [SOURCE_IDS.points]: geojson(overlays.points),
    },
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': COLOURS.sea } }, ...styleLayers()],
  };
}
