/** The static map figures in English (src/map/static-route.ts). */
import { staticMapPaths, staticMapRoute } from '../../map/static-route';

export const getStaticPaths = staticMapPaths;
export const GET = staticMapRoute('en');
