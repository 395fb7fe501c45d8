/**
 * Static map figures, two per map scene and language (under the site's base
 * path; French under `fr/`), built
 * at build time from the same data and renderer as the browser's SVG
 * fallback (src/map/svg-map.ts):
 * - `/maps/<scene-id>.svg`: the regular figure (STATIC_SIZE; the lead
 *   graphic `map-lead` at LEAD_STATIC_SIZE, about 560 × 420 in all);
 * - `/maps/<scene-id>-narrow.svg`: drawn about as wide as a phone shows it
 *   (NARROW_STATIC_SIZE), so its text reads at 12 px or more there.
 *
 * They stand in the map panel until MapLibre is ready, and inside each map
 * step when JavaScript is off (Step.astro picks the variant by width). Each
 * carries `<title>` and `<desc>` (the scene's one-sentence description), the
 * locator and scale bar on the map, and its key and caption below the map so
 * they hide nothing (a printable figure).
 *
 * The geography is read from disk (`public/data/geo/…`, written by
 * `npm run geodata`) relative to the working directory, which is the
 * project root when Astro builds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Topology } from 'topojson-specification';
import { loadStory } from '../content/story-data';
import type { Locale } from '../i18n/locales';
import type { MapSceneData } from '../story/types';
import { GEO_FILE, geoDataFromTopology, type GeoData } from './geo-data';
import { renderMapSvg } from './svg-map';
import { LEAD_STATIC_SIZE, NARROW_KEY_FONT, NARROW_LOCATOR_SIZE, NARROW_STATIC_SIZE, STATIC_SIZE } from './static-size';

let geo: GeoData | undefined;

/** The geography, read once per build. Throws if `npm run geodata` has not been run. */
function geography(): GeoData {
  geo ??= geoDataFromTopology(JSON.parse(readFileSync(join(process.cwd(), 'public', GEO_FILE), 'utf8')) as Topology);
  return geo;
}

/** The scene of the lead graphic (drawn at LEAD_STATIC_SIZE; used by no step). */
export const LEAD_SCENE = 'map-lead';

type Variant = 'regular' | 'narrow';

/** Two paths per map scene of the story (`content/scenes/*.yaml` with `graphic: map`): regular and narrow. */
export const staticMapPaths = (async () => {
  const story = await loadStory();
  return Object.values(story.scenes)
    .filter((scene): scene is MapSceneData => scene.graphic === 'map')
    .flatMap((scene) =>
      (['regular', 'narrow'] as const).map((variant) => ({
        params: {
          scene: variant === 'narrow' ? `${scene.id}-narrow` : scene.id,
        },
        props: { scene, variant },
      })),
    );
}) satisfies GetStaticPaths;

/**
 * An endpoint answering with a scene's figure in `locale` (image/svg+xml): its map with the locator and scale
 * bar, the key and caption below. Throws (failing the build) if the scene
 * names a missing view, place, event, figure or source.
 */
export const staticMapRoute =
  (locale: Locale): APIRoute<{ scene: MapSceneData; variant: Variant }> =>
  async ({ props }) => {
    const story = await loadStory(locale);
    // The paths carry the English scene; draw the one in this page's language.
    const scene = story.scenes[props.scene.id] as MapSceneData;
    const narrow = props.variant === 'narrow';
    const size = narrow ? NARROW_STATIC_SIZE : scene.id === LEAD_SCENE ? LEAD_STATIC_SIZE : STATIC_SIZE;
    const svg = renderMapSvg(scene, story, geography(), {
      ...size,
      chrome: 'figure',
      ...(narrow ? { keyFontSize: NARROW_KEY_FONT, locatorSize: NARROW_LOCATOR_SIZE } : {}),
      idPrefix: `map-${scene.id}${narrow ? '-narrow' : ''}`,
    });
    return new Response(svg, {
      headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
    });
  };
