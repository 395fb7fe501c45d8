/**
 * Prose is written fresh: no run of 8 or more consecutive words in content/
 * (MDX and YAML, outside quotation marks) may also appear in the reference
 * report. Attribution frames count too ("Control Risks analyst Beverly
 * Ochieng", not the report's wording).
 *
 * The report's runs come from tests/fixtures/report-8grams.json (hashes, no
 * text). Where the report itself is checked out beside the project
 * (../shared/reporting/), the fixture is checked against it first, so it can
 * never go stale.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copiedRuns, proseOf, runHashes } from '../../src/content/copied-runs';

const REPORT = join(process.cwd(), '..', 'shared', 'reporting', 'mali-fuel-blockade-2025-09.md');
const fixture = JSON.parse(readFileSync(join(process.cwd(), 'tests', 'fixtures', 'report-8grams.json'), 'utf8')) as { hashes: string[] };
const reportRuns = new Set(fixture.hashes);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(mdx?|ya?ml|json)$/.test(name) ? [path] : [];
  });
}

describe('prose written fresh', () => {
  it.runIf(existsSync(REPORT))('the fixture holds exactly the runs of the report checked out beside the project', () => {
    expect([...runHashes(readFileSync(REPORT, 'utf8'))].sort()).toEqual(fixture.hashes);
  });

  it('finds a copied run when there is one (the check is live)', () => {
    const copied = 'Burning them, the group erected checkpoints along key highways, extorting taxes from traders.';
    expect(copiedRuns(copied, reportRuns)).toEqual(['erected checkpoints along key highways extorting taxes from']);
    // A quotation, attributed, is allowed.
    expect(copiedRuns('“Around 100 tanker trucks have been set on fire over the past two weekends,” he said.', reportRuns)).toEqual([]);
    expect(proseOf('a <Cite id="x" /> b "quoted" c')).not.toContain('quoted');
  });

  const contentFiles = files(join(process.cwd(), 'content'));
  it('has content to check', () => expect(contentFiles.length).toBeGreaterThan(50));

  it.each(contentFiles.map((f) => [f.slice(process.cwd().length + 1), f]))('%s copies no run of 8 words from the report', (_, file) => {
    expect(copiedRuns(readFileSync(file, 'utf8'), reportRuns)).toEqual([]);
  });
});
