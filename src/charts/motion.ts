/**
 * One switch for motion: every chart change goes through `motion()`, which
 * returns a d3 transition when the engine allows animation and the plain
 * selection otherwise, so reduced motion (and first paint) apply at once.
 */
import type { Selection } from 'd3-selection';
import 'd3-transition';

/** Duration of chart transitions, in milliseconds. */
export const DURATION_MS = 650;

/**
 * `selection` as something to set attributes on: a transition of
 * `DURATION_MS` (or `duration` ms) when `animate` is true, else the selection
 * itself after interrupting any running transition, so values apply
 * immediately. Only use methods selections and transitions share
 * (`attr`, `style`, `text`, `remove`, `each`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function motion<S extends Selection<any, any, any, any>>(selection: S, animate: boolean, duration = DURATION_MS): S {
  if (!animate) {
    selection.interrupt();
    return selection;
  }
  return selection.transition().duration(duration) as unknown as S;
}
