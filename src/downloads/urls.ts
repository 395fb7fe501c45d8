/**
 * Where the story's data files live, per language: `data/<dataset>.csv` and
 * `data/<dataset>.json` below the language's root (French under `fr/`), and
 * which files hold the records each chart draws. No dependencies: the
 * browser's chart table (src/charts/table-dom.ts) imports this too.
 */
import type { ChartId } from '../charts/chart-ids';
import { localePath, type Locale } from '../i18n/locales';

/** The data files, in the order the educator page lists them. */
export const DATASETS = ['events', 'eras', 'figures', 'places', 'sources'] as const;
export type Dataset = (typeof DATASETS)[number];

/** The two formats of every data file. */
export const DATA_FORMATS = ['csv', 'json'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

/** The URL of `dataset` in `format` and `locale` under `base` (ending in "/"): "/data/events.csv", "/fr/data/events.json". */
export function datasetUrl(dataset: Dataset, format: DataFormat, locale: Locale, base: string): string {
  return localePath(locale, base, `data/${dataset}.${format}`);
}

/** The files that hold the records each chart draws (its eras and events, or its figures), in the order a link lists them. */
export const CHART_DATASETS: Record<ChartId, Dataset[]> = {
  timeline: ['events', 'eras'],
  'fuel-traffic': ['figures'],
  'gold-share': ['figures'],
  trade: ['figures'],
  'bamako-life': ['figures', 'events'],
};
