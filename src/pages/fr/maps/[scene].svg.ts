/** The static map figures in French (src/figure/static-route.ts). */
import { staticFigurePaths, staticFigureRoute } from '../../../figure/static-route';

export const getStaticPaths = staticFigurePaths('maps');
export const GET = staticFigureRoute('fr');
