/**
 * The student summary on the educator page reads at about a grade-9 level.
 *
 * The text is read from the built page as a reader sees it: the summary's
 * paragraphs and list items (`[data-readability-text]`), without the
 * bracketed source numbers after figures. Sentences and words are split by
 * the browser's own Intl.Segmenter, in the page's language.
 *
 * - English: Flesch–Kincaid grade level (the `flesch-kincaid` package), with
 *   syllables counted by the `syllable` package. Must be at most 9.
 * - French: Kandel & Moles (1958), the French adaptation of Flesch's reading
 *   ease, 207 − 1.015 × (words / sentences) − 73.6 × (syllables / words);
 *   npm has no package for it, so the formula is written here and the
 *   syllables are counted with the `hyphen` package's French hyphenation
 *   patterns (the TeX hyph-fr patterns, which split words between
 *   syllables). Those patterns never split a word's first or last letter off,
 *   so they undercount a little ("ami" is one piece): the threshold asks for
 *   60, the bottom of Flesch's "standard" band (grade 8–9), not just "fairly
 *   difficult". As a check that does not depend on syllables, the LIX index
 *   (Björnsson: words per sentence + percentage of words over six letters)
 *   must stay at or under 45, the band of ordinary newspaper prose.
 */
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { createRequire } from 'node:module';

// hyphen is CommonJS with a folder per language: load it as such.
const { hyphenateSync } = createRequire(import.meta.url)('hyphen/fr') as typeof import('hyphen/fr');

/** Soft hyphen, the hyphenator's default mark between syllables. */
const SHY = '\u00ad';
/** `word` with a soft hyphen between its syllables (French patterns; short words too). */
const hyphenateFr = (word: string): string => hyphenateSync(word, { minWordLength: 1 });

interface Counts {
  sentence: number;
  word: number;
  syllable: number;
  /** Words of more than six letters (for LIX). */
  long: number;
}

/** The summary's prose on the page at `path`, one string per paragraph or list item, source numbers removed. */
async function summaryText(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  return page.locator('[data-readability-text]').evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.num__source').forEach((el) => el.remove());
    return [...copy.querySelectorAll('p, li')].map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  });
}

/** Sentence, word and syllable counts of `paragraphs` in `lang`, syllables per word from `syllables`. */
function count(paragraphs: string[], lang: string, syllables: (word: string) => number): Counts {
  const sentenceSegmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  const wordSegmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  const counts: Counts = { sentence: 0, word: 0, syllable: 0, long: 0 };
  for (const paragraph of paragraphs) {
    counts.sentence += [...sentenceSegmenter.segment(paragraph)].filter((s) => /\p{L}/u.test(s.segment)).length;
    for (const { segment, isWordLike } of wordSegmenter.segment(paragraph)) {
      if (!isWordLike) continue;
      counts.word += 1;
      counts.syllable += syllables(segment);
      if (segment.length > 6) counts.long += 1;
    }
  }
  return counts;
}

/** A number read aloud has about one syllable per digit; a word, at least one. */
const digits = (word: string) => (/^\d[\d.,]*$/.test(word) ? word.replace(/\D/g, '').length : 0);

test('English student summary: Flesch–Kincaid grade 9 or lower', async ({ page }) => {
  const text = await summaryText(page, 'educators/');
  const counts = count(text, 'en', (word) => digits(word) || Math.max(1, syllable(word)));
  expect(counts.sentence, 'sentences in the summary').toBeGreaterThan(20);
  const grade = fleschKincaid({ sentence: counts.sentence, word: counts.word, syllable: counts.syllable });
  test.info().annotations.push({ type: 'Flesch–Kincaid grade (en)', description: grade.toFixed(2) });
  expect(grade).toBeLessThanOrEqual(9);
});

test('French student summary: Kandel–Moles reading ease 60 or higher, LIX 45 or lower', async ({ page }) => {
  const text = await summaryText(page, 'fr/educators/');
  const counts = count(text, 'fr', (word) => digits(word) || hyphenateFr(word.toLowerCase()).split(SHY).length);
  expect(counts.sentence, 'sentences in the summary').toBeGreaterThan(20);
  // The hyphenator does split French words into syllables (and not one piece per word).
  expect(hyphenateFr('électricité').split(SHY)).toEqual(['élec', 'tri', 'ci', 'té']);
  const kandelMoles = 207 - 1.015 * (counts.word / counts.sentence) - 73.6 * (counts.syllable / counts.word);
  const lix = counts.word / counts.sentence + (100 * counts.long) / counts.word;
  test.info().annotations.push({ type: 'Kandel–Moles (fr)', description: kandelMoles.toFixed(1) }, { type: 'LIX (fr)', description: lix.toFixed(1) });
  expect(kandelMoles).toBeGreaterThanOrEqual(60);
  expect(lix).toBeLessThanOrEqual(45);
});
