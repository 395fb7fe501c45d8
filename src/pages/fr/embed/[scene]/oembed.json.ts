/** A figure embed's oEmbed JSON (fr): src/embed/routes.ts. */
import { figureEmbedPaths, oembedRoute } from '../../../../embed/routes';

export const getStaticPaths = figureEmbedPaths;
export const GET = oembedRoute('fr');
