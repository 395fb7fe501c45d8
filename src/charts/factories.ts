/**
 * The five charts by id: the live controller (index.ts) and the build-time
 * figures (static-svg.ts) create charts through this one table.
 */
import type { ChartSceneData } from '../story/types';
import type { ChartId } from './chart-ids';
import type { ChartFactory } from './types';
import { create as createTimeline } from './timeline';
import { create as createFuelTraffic } from './fuel-traffic';
import { create as createGoldShare } from './gold-share';
import { create as createTrade } from './trade';
import { create as createBamakoLife } from './bamako-life';

// Each factory takes the scene type of its own chart; callers only pass it
// scenes whose `graphic` matches, so widening here is safe.
const FACTORIES: { [K in ChartId]: ChartFactory<Extract<ChartSceneData, { graphic: K }>> } = {
  timeline: createTimeline,
  'fuel-traffic': createFuelTraffic,
  'gold-share': createGoldShare,
  trade: createTrade,
  'bamako-life': createBamakoLife,
};

/** The factory of chart `id` (see types.ts for its contract). */
export const chartFactory = (id: ChartId): ChartFactory<ChartSceneData> => FACTORIES[id] as ChartFactory<ChartSceneData>;
