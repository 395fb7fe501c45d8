/**
 * The charts a scene may show, by stable id. Each id has one module in
 * `src/charts/` and one state schema in `src/content.config.ts`.
 */
export const CHART_IDS = ['timeline', 'fuel-traffic', 'gold-share', 'trade', 'bamako-life'] as const;
export type ChartId = (typeof CHART_IDS)[number];

/**
 * The id of chart `id`'s full data table in the story page's closing section
 * ("The data behind the charts"), which each chart step's figure links to.
 */
export const chartDataAnchor = (id: ChartId): string => `chart-data-${id}`;
