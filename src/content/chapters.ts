/**
 * The chapters of one language, in order, with the steps they declare
 * (content/chapters/<locale>/*.mdx). Step ids are URL fragments shared across
 * languages, so every language must declare the same steps, in the same
 * order, naming the same scenes; anything else fails the build with the
 * first difference named.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { LOCALES, type Locale } from '../i18n/locales';
import { assertUniqueStepIds, stepsIn, type StepRef } from './steps';

export interface LocaleChapters {
  chapters: CollectionEntry<'chapters'>[];
  /** Each chapter's file and steps, in story order. */
  declared: { file: string; steps: StepRef[] }[];
}

/** The language folder a chapter's id starts with (`en/01-opening` → `en`). */
const localeOfChapter = (id: string) => id.split('/')[0];

async function load(locale: Locale): Promise<LocaleChapters> {
  const chapters = (await getCollection('chapters', (c) => localeOfChapter(c.id) === locale)).sort((a, b) => a.data.order - b.data.order);
  const declared = chapters.map((c) => ({ file: c.filePath ?? c.id, steps: stepsIn(c.body ?? '', c.filePath) }));
  assertUniqueStepIds(declared);
  return { chapters, declared };
}

/**
 * Throws naming the first step where `other` departs from `reference`:
 * a missing or extra step, another id at a position, or another scene.
 */
export function assertSameSteps(reference: { locale: Locale; steps: StepRef[] }, other: { locale: Locale; steps: StepRef[] }): void {
  const n = Math.max(reference.steps.length, other.steps.length);
  for (let i = 0; i < n; i++) {
    const a = reference.steps[i];
    const b = other.steps[i];
    if (!a || !b || a.id !== b.id || a.scene !== b.scene) {
      const show = (s: StepRef | undefined) => (s ? `"${s.id}" (scene ${s.scene})` : 'nothing');
      throw new Error(
        `content/chapters: step ${i + 1} is ${show(a)} in ${reference.locale} but ${show(b)} in ${other.locale}; ` +
          'every language declares the same steps, in the same order, with the same scenes',
      );
    }
  }
}

/**
 * The chapters of `locale`. Throws if the language has no chapters, if a step
 * id is used twice, or if any language's steps differ from English's.
 */
export async function chaptersIn(locale: Locale): Promise<LocaleChapters> {
  const all = await Promise.all(LOCALES.map(async (l) => ({ locale: l, ...(await load(l)) })));
  const mine = all.find((c) => c.locale === locale);
  if (!mine || mine.chapters.length === 0) throw new Error(`content/chapters/${locale}/ has no chapters`);
  const steps = (c: (typeof all)[number]) => ({ locale: c.locale, steps: c.declared.flatMap((d) => d.steps) });
  const [reference, ...others] = all;
  for (const other of others) if (other.chapters.length > 0) assertSameSteps(steps(reference), steps(other));
  return mine;
}
