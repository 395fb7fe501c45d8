/** The English story's data for the browser (src/story/data-route.ts). */
import { storyDataRoute } from '../../story/data-route';

export const GET = storyDataRoute('en');
