/** The embeds' pure parts (src/embed/embeds.ts): snippets, oEmbed JSON, page titles. */
import { describe, expect, test } from 'vitest';
import { embedSnippet, figureEmbed, oembedJson, pageTitle, PAGE_TITLE_MAX, storyEmbed } from '../../src/embed/embeds';

const site = { origin: 'https://graphics.example.org', base: '/interactive/mali/' };
const scene = { id: 'map-corridor', title: 'The Dakar–Bamako corridor' };

describe('figure embeds', () => {
  const embed = figureEmbed(site, 'fr', scene, 'drivers-kidnapped', { width: 640, height: 478 });

  test('live under the language and base path, link back to their step, and start near their height', () => {
    expect(embed.url).toBe('https://graphics.example.org/interactive/mali/fr/embed/map-corridor/');
    expect(embed.oembedUrl).toBe('https://graphics.example.org/interactive/mali/fr/embed/map-corridor/oembed.json');
    expect(embed.storyUrl).toBe('https://graphics.example.org/interactive/mali/fr/#drivers-kidnapped');
    expect(embed.height).toBeGreaterThan(478);
    expect(embed.title).toBe('The Dakar–Bamako corridor — La route de Bamako');
  });

  test('the snippet: a titled, lazy, full-width iframe, then the resize script; attribute values escaped', () => {
    const quoted = figureEmbed(site, 'en', { id: 'x', title: 'A "quoted" <title> & more' }, undefined, { width: 640, height: 400 });
    const snippet = embedSnippet(quoted, site, { hash: 'step-a' });
    expect(snippet).toMatch(/^<iframe src="https:\/\/graphics\.example\.org\/interactive\/mali\/embed\/x\/#step-a" title="A &quot;quoted&quot; &lt;title> &amp; more — The Road to Bamako" width="100%" height="496" loading="lazy" /);
    expect(snippet.split('\n')[1]).toBe('<script src="https://graphics.example.org/interactive/mali/embed/resize.js" async></script>');
    expect(embedSnippet(quoted, site, { withScript: false })).not.toContain('<script');
  });

  test('the oEmbed JSON is rich, version 1.0, with the iframe and no script', () => {
    const json = oembedJson(embed, site);
    expect(json).toMatchObject({ version: '1.0', type: 'rich', width: 640, height: embed.height, title: embed.title, provider_name: 'La route de Bamako', provider_url: 'https://graphics.example.org/interactive/mali/fr/' });
    expect(json.html).toMatch(/^<iframe [^>]+><\/iframe>$/);
  });
});

test('the whole story is not lazy (it is the article) and links to the story', () => {
  const story = storyEmbed(site, 'en');
  expect(story.url).toBe('https://graphics.example.org/interactive/mali/embed/story/');
  expect(embedSnippet(story, site)).not.toContain('loading="lazy"');
});

test('page titles fit: the full title, else the short one, else the short one cut at a word', () => {
  expect(pageTitle('Short — Site', 'Short')).toBe('Short — Site');
  const long = 'La part de Kayes dans l’or malien\u202f: en 2025 et selon une estimation de 2021';
  const cut = pageTitle(`${long} — La route de Bamako`, long);
  expect(cut.length).toBeLessThanOrEqual(PAGE_TITLE_MAX);
  expect(cut.endsWith('…')).toBe(true);
  expect(long.startsWith(cut.slice(0, -1))).toBe(true);
});
