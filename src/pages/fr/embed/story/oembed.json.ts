/** The whole-story embed's oEmbed JSON (fr): src/embed/routes.ts. */
import { oembedRoute } from '../../../../embed/routes';

export const GET = oembedRoute('fr', 'story');
