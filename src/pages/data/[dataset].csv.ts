/** The English data files as CSV: data/events.csv, data/figures.csv … (src/downloads/). */
import { datasetPaths, datasetRoute } from '../../downloads/routes';

export const getStaticPaths = datasetPaths;
export const GET = datasetRoute('en', 'csv');
