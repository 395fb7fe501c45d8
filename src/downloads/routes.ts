/**
 * Astro endpoints for the data files (src/downloads/datasets.ts): one static
 * file per dataset, format and language, written at build time.
 * src/pages/data/[dataset].csv.ts and its siblings are these routes.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { loadStory } from '../content/story-data';
import type { Locale } from '../i18n/locales';
import { datasetCsv, datasetJson, DATASETS, type Dataset, type DatasetInput } from './datasets';
import type { DataFormat } from './urls';

/**
 * The story in `locale` and the source of each place's coordinates, from the
 * content collections. Throws (failing the build) when the content is broken.
 */
export async function loadDatasetInput(locale: Locale): Promise<DatasetInput> {
  const [story, places] = await Promise.all([loadStory(locale), getCollection('places')]);
  return { story, placeSources: Object.fromEntries(places.map((p) => [p.id, p.data.coordinatesSource.id])) };
}

/** One page per dataset (`[dataset]` in the file name). */
export const datasetPaths: GetStaticPaths = () => DATASETS.map((dataset) => ({ params: { dataset } }));

const CONTENT_TYPE: Record<DataFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
};

/** An endpoint answering with the dataset named by the `dataset` param, in `format` and `locale`. */
export function datasetRoute(locale: Locale, format: DataFormat): APIRoute {
  return async ({ params }) => {
    const dataset = params.dataset as Dataset;
    if (!DATASETS.includes(dataset)) return new Response(null, { status: 404 });
    const input = await loadDatasetInput(locale);
    const body = format === 'csv' ? datasetCsv(dataset, input) : `${JSON.stringify(datasetJson(dataset, input), null, 2)}\n`;
    return new Response(body, { headers: { 'Content-Type': CONTENT_TYPE[format] } });
  };
}
