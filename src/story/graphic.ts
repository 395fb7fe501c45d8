/**
 * The sticky graphic: one map panel and one chart panel, of which the active
 * scene shows one. The map (MapLibre) and the charts (D3) are separate chunks,
 * each with its own stylesheet, never part of the page's first load:
 *
 * - a chunk is loaded when the engine calls `prepare()` (a step that needs it
 *   is about one viewport away), or when a scene needs it while the graphic
 *   itself is on screen (a deep link or a reload far into the story);
 * - until its code arrives, a panel shows the scene's build-time figure
 *   (src/figure/urls.ts: `charts/<scene>.svg`, `maps/<scene>.svg`, each with a
 *   `-narrow` variant for panels up to 640 px wide) in an
 *   `<img class="chart-static">` or `<img class="map-static">` added here
 *   (lazy: off screen, it waits); the map module keeps that image up to
 *   date once it runs, until MapLibre has started.
 *
 * So at the top of the page, far from the story's graphic, no graphic code
 * loads at all, and a reader who reaches the graphic before its code sees
 * the same figure drawn at build time.
 */
import type { ChartSceneData, GraphicController, MapSceneData, RenderOptions, SceneData, StoryData } from './types';
import { staticFigureUrl } from '../figure/urls';
import { NARROW_STATIC_MAX_PX } from '../map/static-size';

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
 * `data-panel="chart"`) for `story` (its locale and base path name the static
 * figures). Throws if a panel is missing.
 */
export function createStoryGraphic(figure: HTMLElement, story: StoryData): StoryGraphic {
  const doc = figure.ownerDocument;
  const panel = (kind: Kind) => {
    const el = figure.querySelector<HTMLElement>(`[data-panel="${kind}"]`);
    if (!el) throw new Error(`the story graphic has no ${kind} panel`);
    return el;
  };
  const panels = { map: panel('map'), chart: panel('chart') };

  const loaders: Record<Kind, () => Promise<GraphicController<never>>> = {
    map: () => import('../map/index').then((m) => m.createMapGraphic(panels.map, story) as GraphicController<never>),
    // The charts lay themselves out from their styles: create them once the stylesheet is in.
    chart: () =>
      import('../charts/index').then(async (m) => {
        await m.loadChartStyles(doc);
        return m.createChartGraphic(panels.chart, story) as GraphicController<never>;
      }),
  };
  /** Each kind's chunk, once asked for; and its controller, once it has arrived. */
  const controllers: Partial<Record<Kind, Promise<GraphicController<never>>>> = {};
  const ready: Partial<Record<Kind, GraphicController<MapSceneData | ChartSceneData>>> = {};

  let latest: SceneData | undefined;
  let latestOptions: RenderOptions = { animate: false };

  /** The build-time figure of `scene` in its panel, while the panel's code is not there yet. */
  function showStatic(scene: SceneData) {
    const kind = kindOf(scene);
    const host = panels[kind];
    let img = host.querySelector<HTMLImageElement>(`img.${kind}-static`);
    if (!img) {
      img = doc.createElement('img');
      img.className = `${kind}-static`;
      img.loading = 'lazy';
      host.prepend(img);
    }
    const narrow = host.clientWidth > 0 && host.clientWidth <= NARROW_STATIC_MAX_PX;
    const url = staticFigureUrl(scene, story.locale, story.base, narrow);
    if (img.getAttribute('src') !== url) img.src = url;
    img.alt = scene.description;
    img.hidden = false;
  }

  /** Renders the latest scene with `kind`'s controller, if the latest scene is of that kind. */
  function renderWith(kind: Kind, controller: GraphicController<MapSceneData | ChartSceneData>) {
    const scene = latest;
    if (!scene || kindOf(scene) !== kind) return;
    controller.render(scene as MapSceneData | ChartSceneData, latestOptions);
    // The live chart replaces its static figure (the map module manages its own).
    if (kind === 'chart') {
      const img = panels.chart.querySelector<HTMLImageElement>('img.chart-static');
      if (img) img.hidden = true;
    }
    delete figure.dataset.error;
  }

  /** Draws the latest scene with `kind`'s code, loading the code first if need be (once). */
  function draw(kind: Kind) {
    const controller = ready[kind];
    if (controller) {
      renderWith(kind, controller);
      return;
    }
    if (controllers[kind]) return; // on its way: it draws the latest scene when it arrives
    controllers[kind] = loaders[kind]();
    controllers[kind].then(
      (loaded) => {
        ready[kind] = loaded as GraphicController<MapSceneData | ChartSceneData>;
        renderWith(kind, ready[kind]);
      },
      (error: unknown) => {
        // The step text still reads, and the panel keeps its static figure.
        console.warn(`The ${kind} code could not be loaded; keeping the static figure.`, error);
        figure.dataset.error = kind;
      },
    );
  }

  // On screen, the graphic loads the code its scene needs; off screen (the top of the page), it waits for prepare().
  let onScreen = typeof IntersectionObserver !== 'function';
  if (!onScreen) {
    new IntersectionObserver((entries) => {
      onScreen = entries.some((entry) => entry.isIntersecting);
      if (onScreen && latest) draw(kindOf(latest));
    }).observe(figure);
  }

  return {
    render(scene, options) {
      latest = scene;
      latestOptions = options;
      const kind = kindOf(scene);
      panels.map.hidden = kind !== 'map';
      panels.chart.hidden = kind !== 'chart';
      figure.dataset.scene = scene.id;
      if (!ready[kind]) showStatic(scene);
      if (ready[kind] || onScreen) draw(kind);
    },
    prepare(kind) {
      draw(kind);
    },
    resize() {
      for (const controller of Object.values(ready)) controller?.resize();
    },
  };
}
