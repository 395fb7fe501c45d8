/** The whole-story embed's oEmbed JSON (en): src/embed/routes.ts. */
import { oembedRoute } from '../../../embed/routes';

export const GET = oembedRoute('en', 'story');
