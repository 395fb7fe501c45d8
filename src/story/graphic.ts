/**
 * The sticky graphic: one map panel and one chart panel, of which the active
 * scene shows one. The map (MapLibre) and the charts (D3) are separate chunks,
 * loaded the first time a scene needs them, or earlier when the engine calls
 * `prepare()` because a step that needs them is coming near.
 */
import type { ChartSceneData, GraphicController, MapSceneData, RenderOptions, SceneData, StoryData } from './types';

type Kind = 'map' | 'chart';

export interface StoryGraphic {
  /** Show `scene` in full, replacing whatever was shown. */
  render(scene: SceneData, options: RenderOptions): void;
  /** Start loading the code for `kind` ahead of need. */
  prepare(kind: Kind): void;
  resize(): void;
}

const kindOf = (scene: SceneData): Kind => (scene.graphic === 'map' ? 'map' : 'chart');

/**
 * Drives the panels inside `figure` (elements with `data-panel="map"` and
 * `data-panel="chart"`). Throws if a panel is missing.
 */
export function createStoryGraphic(figure: HTMLElement, story: StoryData): StoryGraphic {
  const panel = (kind: Kind) => {
    const el = figure.querySelector<HTMLElement>(`[data-panel="${kind}"]`);
    if (!el) throw new Error(`the story graphic has no ${kind} panel`);
    return el;
  };
  const panels = { map: panel('map'), chart: panel('chart') };

  const loaders: Record<Kind, () => Promise<GraphicController<never>>> = {
    map: () => import('../map/index').then((m) => m.createMapGraphic(panels.map, story) as GraphicController<never>),
    chart: () =>
      import('../charts/index').then((m) => m.createChartGraphic(panels.chart, story) as GraphicController<never>),
  };
  const controllers: Partial<Record<Kind, Promise<GraphicController<never>>>> = {};
  const load = (kind: Kind) => (controllers[kind] ??= loaders[kind]());

  let latest: SceneData | undefined;

  return {
    render(scene, options) {
      latest = scene;
      const kind = kindOf(scene);
      panels.map.hidden = kind !== 'map';
      panels.chart.hidden = kind !== 'chart';
      figure.dataset.scene = scene.id;
      load(kind)
        .then((controller) => {
          // A later step may have asked for another scene while this chunk loaded.
          if (latest === scene) (controller as GraphicController<MapSceneData | ChartSceneData>).render(scene, options);
          delete figure.dataset.error;
        })
        .catch((error: unknown) => {
          // The step text still reads; the graphic says it could not draw.
          console.warn(`The ${kind} could not be drawn for scene ${scene.id}`, error);
          figure.dataset.error = kind;
        });
    },
    prepare(kind) {
      void load(kind).catch(() => undefined);
    },
    resize() {
      for (const controller of Object.values(controllers)) void controller?.then((c) => c.resize());
    },
  };
}
