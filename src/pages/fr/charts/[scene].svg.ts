/** The static chart figures in French (src/figure/static-route.ts). */
import { staticFigurePaths, staticFigureRoute } from '../../../figure/static-route';

export const getStaticPaths = staticFigurePaths('charts');
export const GET = staticFigureRoute('fr');
