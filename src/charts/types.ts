/**
 * The contract between `src/charts/index.ts` and each chart module: a chart
 * is created once for a container (initialize) and then updated with every
 * scene that shows it (update many).
 */
import type { ChartSceneData, RenderOptions, StoryData } from '../story/types';
import type { FrameOptions } from './frame';

/** A live chart: redraws for a scene, and for a new container size. */
export interface ChartInstance<S extends ChartSceneData = ChartSceneData> {
  /** Shows the state `scene` describes; moves there with a transition when `options.animate`. */
  update(scene: S, options: RenderOptions): void;
  /** Redraws the current state at the container's current width, without animation. */
  resize(): void;
}

/**
 * Builds a chart's static parts inside `container` (an empty element the
 * chart owns); `options.available` tells it how tall the whole figure may be
 * (px) so it can choose a layout that fits the pane.
 */
export type ChartFactory<S extends ChartSceneData = ChartSceneData> = (container: HTMLElement, story: StoryData, options?: FrameOptions) => ChartInstance<S>;
