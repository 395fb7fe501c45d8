/** The static map figures in French (src/map/static-route.ts). */
import { staticMapPaths, staticMapRoute } from '../../../map/static-route';

export const getStaticPaths = staticMapPaths;
export const GET = staticMapRoute('fr');
