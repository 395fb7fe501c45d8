/**
 * What can be embedded, and how: one embed per figure a step shows (its
 * scene id, plus the lead graphic `map-lead`) and one for the whole story
 * (`story`), in every language. For each: its page, its oEmbed JSON, the
 * link back into the story, a starting size, and the ready-to-paste
 * snippet. Pure (the caller passes the site's origin and base path), so the
 * embed pages, the oEmbed files, the story's "Embed" dialog and the tests
 * all build the same snippet.
 *
 * URLs (under the base path; French under `fr/`):
 *   embed/<scene>/            a figure, no site chrome
 *   embed/<scene>/oembed.json its oEmbed description
 *   embed/story/              the whole story, following the host page's scroll
 *   embed/resize.js           the optional resize script for hosts without Pym.js
 */
import type { Locale } from '../i18n/locales';
import { localePath } from '../i18n/locales';
import { t } from '../i18n/ui';
import type { SceneData } from '../story/types';

/** The id of the whole-story embed (no scene is called this). */
export const STORY_EMBED = 'story';

/** A scene that is not shown by any step but is worth embedding: the lead graphic. */
export const EXTRA_EMBEDDED_SCENES = ['map-lead'] as const;

/** Starting height in CSS px of the whole-story iframe (the embed resizes it to its content). */
export const STORY_START_HEIGHT = 900;

export interface Embed {
  /** A scene id, or `story`. */
  id: string;
  kind: 'figure' | 'story';
  locale: Locale;
  /** The iframe's title and the oEmbed title. */
  title: string;
  /** The embed page's <title>: `title` if it is short enough for a browser tab and search results, else shortened. */
  pageTitle: string;
  /** Absolute URL of the embed page. */
  url: string;
  /** Absolute URL of its oEmbed JSON. */
  oembedUrl: string;
  /** Absolute URL of the story where this figure is told (its first step), opened in the top window. */
  storyUrl: string;
  /** Starting size in CSS px (width of the figure as drawn; a height close to the content's). */
  width: number;
  height: number;
}

/** The longest page title, in characters (search results and html-validate's `long-title` cut there). */
export const PAGE_TITLE_MAX = 70;

/**
 * `full` if it has at most PAGE_TITLE_MAX characters, else `short`, else
 * `short` cut at a word and ended with "…".
 */
export function pageTitle(full: string, short: string): string {
  if (full.length <= PAGE_TITLE_MAX) return full;
  if (short.length <= PAGE_TITLE_MAX) return short;
  const cut = short.slice(0, PAGE_TITLE_MAX - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,:;–—-]+$/, '')}…`;
}

/** Where the site lives: its origin (`https://example.org`) and base path (`/` or `/interactive/x/`). */
export interface Site {
  origin: string;
  base: string;
}

/** An absolute URL on `site` for `path` below `locale`'s root. */
export const absoluteUrl = (site: Site, locale: Locale, path = ''): string => new URL(localePath(locale, site.base, path), site.origin).href;

/**
 * The embed of figure `scene` in `locale`: `firstStep` is the id of the
 * first step that shows it (undefined for the lead graphic: the link goes
 * to the top of the story); `size` the figure's regular static size in px.
 */
export function figureEmbed(
  site: Site,
  locale: Locale,
  scene: Pick<SceneData, 'id' | 'title'>,
  firstStep: string | undefined,
  size: { width: number; height: number },
): Embed {
  const page = `embed/${scene.id}/`;
  const story = absoluteUrl(site, locale);
  const title = t(locale, 'embed.figureTitle', { title: scene.title, site: t(locale, 'site.title') });
  return {
    id: scene.id,
    kind: 'figure',
    locale,
    title,
    pageTitle: pageTitle(title, scene.title),
    url: absoluteUrl(site, locale, page),
    oembedUrl: absoluteUrl(site, locale, `${page}oembed.json`),
    storyUrl: firstStep ? `${story}#${firstStep}` : story,
    width: size.width,
    // The headline, the credit line and (for charts) the table's toggle around the figure.
    height: size.height + 96,
  };
}

/** The whole-story embed in `locale`. */
export function storyEmbed(site: Site, locale: Locale): Embed {
  const page = `embed/${STORY_EMBED}/`;
  return {
    id: STORY_EMBED,
    kind: 'story',
    locale,
    title: t(locale, 'site.title'),
    pageTitle: t(locale, 'site.title'),
    url: absoluteUrl(site, locale, page),
    oembedUrl: absoluteUrl(site, locale, `${page}oembed.json`),
    storyUrl: absoluteUrl(site, locale),
    width: 1280,
    height: STORY_START_HEIGHT,
  };
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The snippet a newsroom pastes: an iframe as wide as its column, with a
 * title, lazy loading (not for the whole story, which is the article) and a
 * starting height, then, when `withScript`, the site's optional resize script
 * (hosts with Pym.js, AMP, WordPress or Datawrapper's listener need none).
 * `hash` is appended to the iframe URL (a step id: `#step-id`).
 */
export function embedSnippet(embed: Embed, site: Site, { withScript = true, hash = '' }: { withScript?: boolean; hash?: string } = {}): string {
  const src = `${embed.url}${hash ? `#${hash}` : ''}`;
  const loading = embed.kind === 'figure' ? ' loading="lazy"' : '';
  const iframe =
    `<iframe src="${attr(src)}" title="${attr(embed.title)}" width="100%" height="${embed.height}"${loading} ` +
    `style="border:0;width:100%;max-width:100%;display:block" scrolling="no" data-road-to-bamako="${attr(embed.id)}"></iframe>`;
  if (!withScript) return iframe;
  return `${iframe}\n<script src="${attr(new URL(`${site.base.replace(/\/?$/, '/')}embed/resize.js`, site.origin).href)}" async></script>`;
}

/**
 * The oEmbed 1.0 response for `embed` (type `rich`): the iframe snippet
 * without the script (oEmbed consumers such as WordPress drop scripts and
 * resize through their own protocol), its size in px, title and provider.
 */
export function oembedJson(embed: Embed, site: Site) {
  return {
    version: '1.0',
    type: 'rich',
    title: embed.title,
    provider_name: t(embed.locale, 'site.title'),
    provider_url: absoluteUrl(site, embed.locale),
    html: embedSnippet(embed, site, { withScript: false }),
    width: embed.width,
    height: embed.height,
    cache_age: 86400,
  };
}
