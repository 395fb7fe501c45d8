/**
 * The chart graphic the story engine drives: one controller for all five
 * charts. Each chart is created the first time a scene needs it (initialize
 * once) and updated with every scene that shows it (update many); only the
 * active chart is shown, with its data table in a <details> whose toggle
 * sits in the chart's foot, beside its source line.
 *
 * The engine announces the step (scene.description); each chart provides
 * its own text alternative (SVG <title>/<desc>) and table.
 *
 * On `container` this sets, for tests and styling:
 *   data-chart      the active chart id (`timeline`, `fuel-traffic`, …)
 *   data-state      the stage, or the timeline's range (`all` | `blockade`)
 *   data-highlight  the timeline's highlighted event id (absent otherwise)
 * Styles: `src/charts/charts.css`, loaded with this chunk (`loadChartStyles`),
 * never before the page's first paint; the data tables' styles are in the
 * page's stylesheet (src/styles/chart-table.css).
 */
import type { ChartSceneData, GraphicController, RenderOptions, StoryData } from '../story/types';
import type { ChartId } from './chart-ids';
import { t } from '../i18n/ui';
import { applyD3Locale } from '../i18n/d3-locale';
import type { ChartInstance } from './types';
import { chartFactory } from './factories';
import { chartTable, type ChartTableData } from './tables';
import { markCurrentRows, renderTable } from './table-dom';
import { datasetLinks } from '../downloads/links';
import { CHART_DATASETS } from '../downloads/urls';
import { loadStylesheet } from '../story/stylesheet';
// The charts' styles load with this chunk, not with the page (a <link> to the site's own file: CSP-safe).
import chartsCssUrl from './charts.css?url';

export { chartTable } from './tables';
export type { ChartTableData } from './tables';

interface Entry {
  element: HTMLElement;
  instance: ChartInstance<ChartSceneData>;
}

/**
 * Adds the charts' stylesheet to `doc` (once) and resolves when it has loaded,
 * or failed: the charts then draw unstyled rather than not at all. Await it
 * before `createChartGraphic`, whose charts measure their text and boxes.
 */
export function loadChartStyles(doc: Document = document): Promise<void> {
  return loadStylesheet(chartsCssUrl, doc);
}

/** The stage (or timeline range) a scene puts its chart in. */
const stateOf = (scene: ChartSceneData): string => (scene.graphic === 'timeline' ? scene.range : scene.stage);

/**
 * The height in px the chart figure may take inside `container` (the pane):
 * its content box, or Infinity when the pane has no height of its own (an
 * embed, a page without the sticky pane).
 */
export function paneContentHeight(container: HTMLElement): number {
  const height = container.clientHeight;
  if (height <= 0) return Infinity;
  const style = getComputedStyle(container);
  return height - parseFloat(style.paddingTop || '0') - parseFloat(style.paddingBottom || '0');
}

/**
 * Creates the chart graphic inside `container` (an empty element the engine
 * sizes; charts take its width, 320–1440 px, and fit its height: each chart
 * chooses a layout whose heading, drawing, legend, source line and table
 * toggle fit the pane). Nothing is drawn until the first `render`.
 *
 * `render(scene, { animate })` shows `scene`'s chart in the scene's state,
 * creating the chart on first use. Throws an error naming the id when the
 * story lacks a figure, event, era or source the chart needs, or when a
 * timeline scene highlights an unknown event.
 * `resize()` redraws every created chart at the container's size.
 */
export function createChartGraphic(container: HTMLElement, story: StoryData): GraphicController<ChartSceneData> {
  // D3's own number and date formatting speaks the page's language too (axes, ticks).
  applyD3Locale(story.locale);
  // Normally loaded already (src/story/graphic.ts awaits it); if not, lay out again once it is.
  void loadChartStyles(container.ownerDocument).then(() => {
    if (active && container.clientWidth > 0) resize();
  });
  const root = document.createElement('div');
  root.className = 'charts';
  // One data table, moved into the foot of the chart on screen, beside its source line.
  const details = document.createElement('details');
  details.className = 'chart-table';
  container.append(root);

  const entries = new Map<ChartId, Entry>();
  const tables = new Map<ChartId, ChartTableData>();
  const available = () => paneContentHeight(container);
  let active: ChartId | undefined;
  let tableFor: ChartId | undefined;
  let lastSize = '';
  const sizeOf = () => `${container.clientWidth}x${container.clientHeight}`;

  function entryFor(id: ChartId): Entry {
    let entry = entries.get(id);
    if (!entry) {
      const element = document.createElement('div');
      element.className = 'charts__item';
      element.dataset.chartId = id;
      root.append(element);
      const instance = chartFactory(id)(element, story, { available });
      entry = { element, instance };
      entries.set(id, entry);
    }
    return entry;
  }

  function render(scene: ChartSceneData, { animate }: RenderOptions): void {
    const id = scene.graphic;
    const entry = entryFor(id);
    for (const [other, e] of entries) e.element.hidden = other !== id;

    // The table first: its toggle sits in the chart's foot, so the chart measures it when fitting the pane.
    let table = tables.get(id);
    if (!table) tables.set(id, (table = chartTable(id, story)));
    const current = table.stageRows[stateOf(scene)] ?? table.rowIds;
    if (tableFor !== id) {
      renderTable(details, table, t(story.locale, 'chart.table.toggle'), current, {
        datasets: datasetLinks(CHART_DATASETS[id], story.locale, story.base),
        locale: story.locale,
      });
      tableFor = id;
    } else {
      markCurrentRows(details, current);
    }
    const foot = entry.element.querySelector('.chart__foot');
    if (foot && details.parentElement !== foot) foot.append(details);

    // Animate only a change within the chart already on screen.
    entry.instance.update(scene, { animate: animate && active === id });
    active = id;
    lastSize = sizeOf();

    container.dataset.chart = id;
    container.dataset.state = stateOf(scene);
    if (scene.graphic === 'timeline' && scene.highlight) container.dataset.highlight = scene.highlight;
    else delete container.dataset.highlight;
  }

  function resize(): void {
    lastSize = sizeOf();
    for (const { instance } of entries.values()) instance.resize();
  }

  if (typeof ResizeObserver !== 'undefined') {
    let frame = 0;
    // The pane's width and height both decide the layout (a rotation changes the height only).
    new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (sizeOf() !== lastSize && container.clientWidth > 0) resize();
      });
    }).observe(container);
  }

  // Labels are measured in the page's font: lay out again once web fonts have loaded.
  if (typeof document !== 'undefined' && 'fonts' in document) {
    document.fonts.addEventListener('loadingdone', () => {
      if (root.clientWidth > 0) resize();
    });
  }

  return { render, resize };
}
