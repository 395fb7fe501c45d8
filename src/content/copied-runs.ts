/**
 * Finds prose copied from the reference report: runs of 8 or more
 * consecutive words that appear both in a content file (outside quotation
 * marks) and in the report. The tokenising follows the shared tool
 * `../shared/tools/copy-check.mjs` word for word, so the test and the tool
 * agree: lower case, curly apostrophes straightened, punctuation dropped,
 * tags and quoted passages ("…", “…”, «…») removed.
 *
 * Runs are compared by hash, so the test can ship the report's runs as
 * hashes (tests/fixtures/report-8grams.json) without a copy of its text.
 */
import { createHash } from 'node:crypto';

/** Length of a copied run, in words. */
export const RUN_WORDS = 8;

/** The words of `text` as the shared tool splits them. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^a-z0-9à-ÿ'\s-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** The text of a content file with its tags and quotations taken out. */
export function proseOf(fileText: string): string {
  return fileText.replace(/<[^>]+>/g, ' ').replace(/“[^”]*”|"[^"\n]*"|«[^»]*»/g, ' | ');
}

/** A short, stable hash of one run of words. */
export function runHash(run: string[]): string {
  return createHash('sha256').update(run.join(' ')).digest('hex').slice(0, 16);
}

/** Hashes of every run of RUN_WORDS words in `text`. */
export function runHashes(text: string): Set<string> {
  const w = words(text);
  const hashes = new Set<string>();
  for (let i = 0; i + RUN_WORDS <= w.length; i++) hashes.add(runHash(w.slice(i, i + RUN_WORDS)));
  return hashes;
}

/**
 * The runs of a content file (its raw text) whose hash is in `reportRuns`,
 * as text, one per copied run (overlapping hits are reported once).
 */
export function copiedRuns(fileText: string, reportRuns: ReadonlySet<string>): string[] {
  const w = words(proseOf(fileText));
  const found: string[] = [];
  for (let i = 0; i + RUN_WORDS <= w.length; i++) {
    const run = w.slice(i, i + RUN_WORDS);
    if (reportRuns.has(runHash(run))) {
      found.push(run.join(' '));
      i += RUN_WORDS - 1;
    }
  }
  return found;
}
