/** The static chart figures in English (src/figure/static-route.ts). */
import { staticFigurePaths, staticFigureRoute } from '../../figure/static-route';

export const getStaticPaths = staticFigurePaths('charts');
export const GET = staticFigureRoute('en');
