/**
 * Static paths and endpoints of the embed pages (src/pages/embed/,
 * src/pages/fr/embed/): one page and one oEmbed JSON per figure embed, and
 * the whole story's oEmbed JSON.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Locale } from '../i18n/locales';
import { loadEmbeds, thisSite } from './embed-list';
import { oembedJson, STORY_EMBED } from './embeds';

/** One path per figure embed (`scene` = its scene id); the same ids in every language. */
export const figureEmbedPaths = (async () =>
  (await loadEmbeds('en')).filter((e) => e.kind === 'figure').map((e) => ({ params: { scene: e.id } }))) satisfies GetStaticPaths;

/**
 * The oEmbed JSON endpoint of `locale`: for the embed named by the `scene`
 * parameter, or `fixed` (the whole story). Throws if there is no such embed.
 */
export const oembedRoute =
  (locale: Locale, fixed?: typeof STORY_EMBED): APIRoute =>
  async ({ params }) => {
    const id = fixed ?? params.scene;
    const embed = (await loadEmbeds(locale)).find((e) => e.id === id);
    if (!embed) throw new Error(`no embed "${id}"`);
    return new Response(JSON.stringify(oembedJson(embed, thisSite()), null, 2), {
      headers: { 'Content-Type': 'application/json+oembed; charset=utf-8' },
    });
  };
