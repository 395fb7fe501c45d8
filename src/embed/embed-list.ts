/**
 * The embeds of one language, read from the content at build time: a figure
 * embed for every scene a step shows (in story order, each linked to the
 * first step showing it) and for the lead graphic, then the whole story.
 * The site's origin comes from `site` in astro.config.mjs (SITE_URL), its
 * base path from `base`.
 */
import { chaptersIn } from '../content/chapters';
import { loadStory } from '../content/story-data';
import type { Locale } from '../i18n/locales';
import { staticFigure } from '../figure/static';
import { EXTRA_EMBEDDED_SCENES, figureEmbed, storyEmbed, type Embed, type Site } from './embeds';

/** The site this build is for (throws if astro.config.mjs sets no `site`). */
export function thisSite(): Site {
  const origin = import.meta.env.SITE;
  if (!origin) throw new Error('astro.config.mjs must set `site` (SITE_URL) for embeds and oEmbed URLs');
  return { origin, base: import.meta.env.BASE_URL };
}

/** Every embed of `locale`: figures in story order, then the whole story. Throws if a step names an unknown scene. */
export async function loadEmbeds(locale: Locale): Promise<Embed[]> {
  const site = thisSite();
  const story = await loadStory(locale);
  const { declared } = await chaptersIn(locale);
  const firstStep = new Map<string, string>();
  for (const step of declared.flatMap((d) => d.steps)) if (!firstStep.has(step.scene)) firstStep.set(step.scene, step.id);
  const ids = [...EXTRA_EMBEDDED_SCENES, ...firstStep.keys()];
  const figures = ids.map((id) => {
    const scene = story.scenes[id];
    if (!scene) throw new Error(`embeds: scene "${id}" is not in content/scenes/`);
    const { width, height } = staticFigure(scene, story, 'regular');
    return figureEmbed(site, locale, scene, firstStep.get(id), { width, height: height + (scene.graphic === 'map' ? 0 : 40) });
  });
  return [...figures, storyEmbed(site, locale)];
}
