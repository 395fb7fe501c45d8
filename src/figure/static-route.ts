/**
 * The endpoints serving the static figures (src/figure/static.ts), two per
 * scene and language under the site's base path, French under `fr/`:
 * - `maps/<scene>.svg` and `maps/<scene>-narrow.svg` for map scenes;
 * - `charts/<scene>.svg` and `charts/<scene>-narrow.svg` for chart scenes.
 * URLs come from `staticFigureUrl` (urls.ts). Each page file under
 * src/pages/ is one line pair: `getStaticPaths = staticFigurePaths(kind)`
 * and `GET = staticFigureRoute(locale)`.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadStory } from '../content/story-data';
import type { Locale } from '../i18n/locales';
import type { SceneData } from '../story/types';
import { staticFigure, type FigureVariant } from './static';

/** The two kinds of figure folder. */
export type FigureKind = 'maps' | 'charts';

const kindOf = (scene: SceneData): FigureKind => (scene.graphic === 'map' ? 'maps' : 'charts');

/** Paths for every scene of `kind` (content/scenes/), regular and narrow. */
export const staticFigurePaths =
  (kind: FigureKind): GetStaticPaths =>
  async () => {
    const story = await loadStory();
    return Object.values(story.scenes)
      .filter((scene) => kindOf(scene) === kind)
      .flatMap((scene) =>
        (['regular', 'narrow'] as const).map((variant) => ({
          params: { scene: variant === 'narrow' ? `${scene.id}-narrow` : scene.id },
          props: { sceneId: scene.id, variant },
        })),
      );
  };

/**
 * An endpoint answering with a scene's figure in `locale` (image/svg+xml).
 * Throws (failing the build) when the scene's figure cannot be drawn.
 */
export const staticFigureRoute =
  (locale: Locale): APIRoute<{ sceneId: string; variant: FigureVariant }> =>
  async ({ props }) => {
    const story = await loadStory(locale);
    const scene = story.scenes[props.sceneId];
    if (!scene) throw new Error(`no scene "${props.sceneId}"`);
    return new Response(staticFigure(scene, story, props.variant).svg, {
      headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
    });
  };
