/**
 * The charts a scene may show, by stable id. Each id has one module in
 * `src/charts/` and one state schema in `src/content.config.ts`.
 */
export const CHART_IDS = ['timeline', 'fuel-traffic', 'gold-share', 'trade', 'bamako-life'] as const;
export type ChartId = (typeof CHART_IDS)[number];
