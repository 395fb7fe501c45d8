/** A figure embed's oEmbed JSON (en): src/embed/routes.ts. */
import { figureEmbedPaths, oembedRoute } from '../../../embed/routes';

export const getStaticPaths = figureEmbedPaths;
export const GET = oembedRoute('en');
