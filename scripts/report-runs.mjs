#!/usr/bin/env node
/**
 * Writes tests/fixtures/report-8grams.json: the hashes of every run of 8
 * words in the reference report (../shared/reporting/mali-fuel-blockade-2025-09.md),
 * so the "written fresh" test runs where the report is not checked out,
 * without keeping a copy of its text. Run it when the report changes:
 *   node scripts/report-runs.mjs   (Node 22 runs the TypeScript import as is)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { runHashes } from '../src/content/copied-runs.ts';

const REPORT = new URL('../../shared/reporting/mali-fuel-blockade-2025-09.md', import.meta.url);
const OUT = new URL('../tests/fixtures/report-8grams.json', import.meta.url);
const hashes = [...runHashes(readFileSync(REPORT, 'utf8'))].sort();
writeFileSync(OUT, `${JSON.stringify({ report: 'shared/reporting/mali-fuel-blockade-2025-09.md', words: 8, hashes }, null, 0)}\n`);
console.log(`report-runs: ${hashes.length} runs written to tests/fixtures/report-8grams.json`);
