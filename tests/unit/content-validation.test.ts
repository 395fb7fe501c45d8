/**
 * A bad record fails the build with a message naming the file and the field.
 *
 * Each case makes a scratch project (copies of src/, public/, scripts/, docs/, the config and
 * content/ with one record broken, and a link to node_modules/) and runs Astro
 * there, so its cache never touches the real project's `.astro/`.
 * Schema errors fail `astro sync`; a reference to a record that does not
 * exist fails `astro build` (src/content/integrity.ts).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'bamako-content-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Output without terminal colour codes (CI may force colours on). */
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

/** Runs `astro <command>` on a copy of content/ with `file` (relative to content/) replaced by `yaml`. */
async function astroWith(command: 'sync' | 'build', file: string, yaml: string) {
  const dir = mkdtempSync(join(scratch, 'case-'));
  for (const copied of ['src', 'public', 'content', 'scripts', 'docs', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(copied, join(dir, copied), { recursive: true });
  }
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'content', file), yaml);
  try {
    const { stdout, stderr } = await run(resolve('node_modules/.bin/astro'), [command], {
      cwd: dir,
      env: { ...process.env, OUT_DIR: join(dir, 'dist'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      maxBuffer: 1 << 24,
    });
    return { failed: false, output: plain(stdout + stderr), dir };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { failed: true, output: plain(`${e.stdout ?? ''}${e.stderr ?? ''}`), dir };
  }
}

describe('malformed records fail with the file and the field', () => {
  test('a figure without a source', async () => {
    const r = await astroWith(
      'sync',
      'figures/tankers-burned-two-weekends.yaml',
      'label:\n  en: tanker trucks burned\nvalue: 100\nreported: "Around 100 tanker trucks"\nunit: count\ncounts:\n  en: tanker trucks\nestimate: approximate\nasOf: 2025-09\n',
    );
    expect(r.failed).toBe(true);
    expect(r.output).toContain('figures/tankers-burned-two-weekends.yaml');
    expect(r.output).toMatch(/source/);
  }, 120_000);

  test('a figure made of words: a value the source never gives as a number', async () => {
    const r = await astroWith(
      'sync',
      'figures/tankers-daily-normal.yaml',
      'label:\n  en: tanker trucks a day at the standstill\n  fr: camions-citernes par jour à l’arrêt\nvalue: 0\nreported: "All this traffic has come to a standstill today"\nunit: count\ncounts:\n  en: tanker trucks\n  fr: camions-citernes\nestimate: approximate\nasOf: 2025-09\nsource: ap-2025-09\n',
    );
    expect(r.failed).toBe(true);
    expect(r.output).toContain('figures/tankers-daily-normal.yaml');
    expect(r.output).toMatch(/value: value must be a number the source gives/);
  }, 120_000);

  test('an era that ends "undated"', async () => {
    const r = await astroWith(
      'sync',
      'eras/coups.yaml',
      'title:\n  en: Two coups\n  fr: Deux coups d’État\nstart: 2020-08-18\nend: undated\nsources: [reuters-2020-08-19]\n',
    );
    expect(r.failed).toBe(true);
    expect(r.output).toContain('eras/coups.yaml');
    expect(r.output).toMatch(/end: an era end is a date or "ongoing"/);
  }, 120_000);

  test('a latitude of 200', async () => {
    const r = await astroWith(
      'sync',
      'places/kayes.yaml',
      'name: Kayes\nlat: 200\nlon: -11.44393\nkind: city\ncountry: ML\ncoordinatesSource: geonames\n',
    );
    expect(r.failed).toBe(true);
    expect(r.output).toContain('places/kayes.yaml');
    expect(r.output).toMatch(/lat\b/);
  }, 120_000);

  test('a malformed date', async () => {
    const r = await astroWith(
      'sync',
      'events/sept-14-convoy-attack.yaml',
      'title:\n  en: Convoy attack\ndate: 14 Sept 2025\nsummary:\n  en: A convoy was attacked.\nsources: [reuters-2025-09-16]\n',
    );
    expect(r.failed).toBe(true);
    expect(r.output).toContain('events/sept-14-convoy-attack.yaml');
    expect(r.output).toMatch(/date: a date must be written YYYY, YYYY-MM or YYYY-MM-DD/);
  }, 120_000);

  test('a date that is not in the calendar', async () => {
    const r = await astroWith(
      'sync',
      'events/sept-14-convoy-attack.yaml',
      'title:\n  en: Convoy attack\ndate: "2025-02-30"\nsummary:\n  en: A convoy was attacked.\nsources: [reuters-2025-09-16]\n',
    );
    expect(r.failed).toBe(true);
    expect(r.output).toContain('events/sept-14-convoy-attack.yaml');
    expect(r.output).toMatch(/date: this date does not exist/);
  }, 120_000);

  test('an event naming an unknown place fails the build', async () => {
    const r = await astroWith(
      'build',
      'events/sept-14-convoy-attack.yaml',
      'title:\n  en: Convoy attack\n  fr: Attaque d’un convoi\ndate: 2025-09-14\nsummary:\n  en: A convoy was attacked.\n  fr: Un convoi a été attaqué.\nplaces: [atlantis]\nsources: [reuters-2025-09-16]\n',
    );
    expect(r.failed).toBe(true);
    expect(r.output).toMatch(/events\/sept-14-convoy-attack\.yaml: places\[0\] names "atlantis", which is not in content\/places\//);
  }, 300_000);
});

describe('every language is complete', () => {
  test('a record without its French text fails, naming the file and the field', async () => {
    const r = await astroWith(
      'sync',
      'events/coup-2012.yaml',
      'title:\n  en: Soldiers overthrow President Touré\ndate: 2012-03-22\nsummary:\n  en: Soldiers overthrew the president.\n  fr: Des soldats ont renversé le président.\nsources: [reuters-2012-09-27]\n',
    );
    expect(r.failed).toBe(true);
    expect(r.output).toContain('events/coup-2012.yaml');
    expect(r.output).toMatch(/title\.fr/);
  }, 120_000);
});
