/**
 * The update/resize pair every chart returns (STYLE.md: initialize once,
 * update many). `update` draws the step's scene, animated only when the chart
 * has drawn before (a first draw never animates) and `animates(previous, next)`
 * agrees; `resize` redraws the last scene instantly at the container's new size.
 */
import type { ChartSceneData } from '../story/types';
import type { ChartInstance } from './types';

/**
 * Wraps a chart's `draw(scene, animate)` (scene data from content/scenes,
 * animate: whether to run d3 transitions) into its ChartInstance.
 */
export function chartInstance<S extends ChartSceneData>(
  draw: (scene: S, animate: boolean) => void,
  animates: (previous: S, next: S) => boolean = () => true,
): ChartInstance<S> {
  let current: S | undefined;
  return {
    update(scene, { animate }) {
      const animated = animate && current !== undefined && animates(current, scene);
      current = scene;
      draw(scene, animated);
    },
    resize() {
      if (current) draw(current, false);
    },
  };
}
