/** The English data files as JSON: data/events.json, data/figures.json … (src/downloads/). */
import { datasetPaths, datasetRoute } from '../../downloads/routes';

export const getStaticPaths = datasetPaths;
export const GET = datasetRoute('en', 'json');
