/**
 * Static map images, one per map scene: `/maps/<scene-id>.svg` (under the
 * site's base path), built at build time from the same data and renderer as
 * the browser's SVG fallback (src/map/svg-map.ts).
 *
 * They stand in the map panel until MapLibre is ready, and inside each map
 * step when JavaScript is off (Step.astro). Each carries `<title>` and
 * `<desc>` (the scene's one-sentence description) and its legend, drawn
 * below the map so it hides nothing (a printable figure).
 *
 * The geography is read from disk (`public/data/geo/…`, written by
 * `npm run geodata`) relative to the working directory, which is the
 * project root when Astro builds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Topology } from 'topojson-specification';
import { loadStory } from '../../content/story-data';
import type { MapSceneData } from '../../story/types';
import { GEO_FILE, geoDataFromTopology, type GeoData } from '../../map/geo-data';
import { renderMapSvg } from '../../map/svg-map';
import { STATIC_SIZE } from '../../map/static-size';

let geo: GeoData | undefined;

/** The geography, read once per build. Throws if `npm run geodata` has not been run. */
function geography(): GeoData {
  geo ??= geoDataFromTopology(JSON.parse(readFileSync(join(process.cwd(), 'public', GEO_FILE), 'utf8')) as Topology);
  return geo;
}

/** One path per map scene of the story (`content/scenes/*.yaml` with `graphic: map`). */
export const getStaticPaths = (async () => {
  const story = await loadStory();
  return Object.values(story.scenes)
    .filter((scene): scene is MapSceneData => scene.graphic === 'map')
    .map((scene) => ({ params: { scene: scene.id }, props: { scene } }));
}) satisfies GetStaticPaths;

/**
 * The scene's SVG (image/svg+xml): a STATIC_SIZE map with its legend below.
 * Throws (failing the build) if the scene names a missing view, place or source.
 */
export const GET: APIRoute<{ scene: MapSceneData }> = async ({ props }) => {
  const story = await loadStory();
  const svg = renderMapSvg(props.scene, story, geography(), {
    ...STATIC_SIZE,
    layout: 'column',
    legendPlacement: 'below',
    idPrefix: `map-${props.scene.id}`,
  });
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
