/**
 * The data files of the build (dist/data/*.csv|json, dist/fr/data/…) against
 * the content collections, read here straight from content/*.yaml with the
 * `yaml` package (not through the site's own code):
 * - each CSV parses with csv-parse (RFC 4180), starts with a UTF-8 BOM, has
 *   the agreed header row, and holds every record once with its values, in
 *   the file's language, accents intact (strict UTF-8 decoding);
 * - each JSON file holds the same records as its CSV;
 * - the educator page lists every file with its true number of rows and
 *   links that download it; every chart table, at build time and in the
 *   browser, and the figures table link the files behind them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { test, expect, steps, scrollToStep } from './fixtures';
import { CHART_DATASETS } from '../../src/downloads/urls';
import { CHART_IDS } from '../../src/charts/chart-ids';
import type { ChartSceneData } from '../../src/story/types';

const DIST = 'dist';
const LOCALES = ['en', 'fr'] as const;
type Locale = (typeof LOCALES)[number];
const DATASETS = ['events', 'eras', 'figures', 'places', 'sources'] as const;
type Dataset = (typeof DATASETS)[number];

/** The header row each CSV file must have: the published names of its columns. */
const HEADERS: Record<Dataset, string[]> = {
  events: ['id', 'title', 'date', 'date_precision', 'date_qualifier', 'end', 'end_precision', 'summary', 'place_ids', 'place_names', 'source_ids', 'source_outlets', 'source_urls'],
  eras: ['id', 'title', 'start', 'start_precision', 'start_qualifier', 'end', 'end_precision', 'end_qualifier', 'source_ids', 'source_outlets', 'source_urls'],
  figures: ['id', 'label', 'value', 'upper', 'unit', 'counts', 'estimate', 'reported', 'as_of', 'as_of_precision', 'note', 'source_ids', 'source_outlets', 'source_urls'],
  places: ['id', 'name', 'lat', 'lon', 'kind', 'country', 'note', 'source_ids', 'source_outlets', 'source_urls'],
  sources: ['number', 'id', 'outlet', 'title', 'date', 'date_precision', 'url', 'via', 'language', 'licence'],
};

type Yaml = Record<string, any>;
/** Every record of content/<collection>/, by id (the file name). */
function collection(name: string): Map<string, Yaml> {
  const dir = join('content', name);
  return new Map(
    readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => [f.replace(/\.ya?ml$/, ''), parseYaml(readFileSync(join(dir, f), 'utf8')) as Yaml]),
  );
}
const content = Object.fromEntries(['events', 'eras', 'figures', 'places', 'sources'].map((c) => [c, collection(c)])) as Record<Dataset, Map<string, Yaml>>;

/** Text in `locale`: a plain string, or a localized record's entry. */
const tr = (value: unknown, locale: Locale): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : (value as Record<Locale, string>)[locale]);
const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
const precision = (date: string): string => (date === '' ? '' : date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day');
/** "by 2023-12-31" → ["by", "2023-12-31"]; "2025-09" → ["on", "2025-09"]; "ongoing" → ["ongoing", ""]. */
function qualified(value: unknown): [string, string] {
  const text = String(value);
  if (text === 'undated' || text === 'ongoing') return [text, ''];
  const m = /^(by|around) (.*)$/.exec(text);
  return m ? [m[1], m[2]] : ['on', text];
}
const join3 = (ids: string[], locale: Locale) => ({
  source_ids: ids.join(' | '),
  source_outlets: ids.map((id) => tr(content.sources.get(id)!.outlet, locale)).join(' | '),
  source_urls: ids.map((id) => str(content.sources.get(id)!.url)).join(' | '),
});

/** The row a CSV file must hold for record `id` of `dataset` in `locale`, from content/ alone. */
function expectedRow(dataset: Dataset, id: string, y: Yaml, locale: Locale): Record<string, string> {
  switch (dataset) {
    case 'events': {
      const [qualifier, date] = qualified(y.date);
      const end = str(y.end);
      return {
        id, title: tr(y.title, locale), date, date_precision: precision(date), date_qualifier: qualifier, end, end_precision: precision(end), summary: tr(y.summary, locale),
        place_ids: (y.places ?? []).join(' | '), place_names: (y.places ?? []).map((p: string) => tr(content.places.get(p)!.name, locale)).join(' | '),
        ...join3(y.sources, locale),
      };
    }
    case 'eras': {
      const [sq, start] = qualified(y.start);
      const [eq, end] = qualified(y.end);
      return { id, title: tr(y.title, locale), start, start_precision: precision(start), start_qualifier: sq, end, end_precision: precision(end), end_qualifier: eq, ...join3(y.sources, locale) };
    }
    case 'figures':
      return {
        id, label: tr(y.label, locale), value: str(y.value), upper: str(y.upper), unit: y.unit, counts: tr(y.counts, locale), estimate: y.estimate, reported: y.reported,
        as_of: str(y.asOf), as_of_precision: precision(str(y.asOf)), note: tr(y.note, locale), ...join3([y.source], locale),
      };
    case 'places':
      return { id, name: tr(y.name, locale), lat: str(y.lat), lon: str(y.lon), kind: y.kind, country: y.country, note: tr(y.note, locale), ...join3([y.coordinatesSource], locale) };
    case 'sources': {
      const number = [...content.sources.keys()].sort((a, b) => a.localeCompare(b, 'en')).indexOf(id) + 1;
      return {
        number: String(number), id, outlet: tr(y.outlet, locale), title: str(y.title), date: str(y.date), date_precision: precision(str(y.date)), url: str(y.url),
        via: tr(y.via, locale), language: y.language ?? 'en', licence: str(y.licence),
      };
    }
  }
}

const file = (locale: Locale, name: string) => join(DIST, locale === 'en' ? '' : locale, 'data', name);
/** The CSV's bytes, decoded strictly as UTF-8 (a bad byte throws). */
const readCsv = (locale: Locale, dataset: Dataset) => {
  const bytes = readFileSync(file(locale, `${dataset}.csv`));
  return { bytes, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
};
const csvRecords = (text: string): Record<string, string>[] => parseCsv(text, { bom: true, columns: true });

for (const locale of LOCALES) {
  for (const dataset of DATASETS) {
    test(`${locale} ${dataset}.csv: UTF-8 with BOM, the agreed header, every record of content/${dataset === 'places' ? 'places' : dataset} with its values and sources`, () => {
      const { bytes, text } = readCsv(locale, dataset);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(text.slice(1, text.indexOf('\r\n'))).toBe(HEADERS[dataset].join(','));
      const rows = csvRecords(text);
      const records = content[dataset];
      expect(rows.map((r) => r.id).sort()).toEqual([...records.keys()].sort());
      for (const row of rows) {
        expect(row, `${dataset} ${row.id}`).toEqual(expectedRow(dataset, row.id, records.get(row.id)!, locale));
        if (dataset !== 'sources') expect(row.source_ids, `${dataset} ${row.id} names its source`).not.toBe('');
      }
    });

    test(`${locale} ${dataset}.json: the same records as the CSV, with language and as-of date`, () => {
      const json = JSON.parse(readFileSync(file(locale, `${dataset}.json`), 'utf8'));
      expect(json).toMatchObject({ dataset, language: locale, currentTo: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      const rows = csvRecords(readCsv(locale, dataset).text);
      expect(json.count).toBe(rows.length);
      const flat = (record: Record<string, any>): Record<string, string> => {
        const out: Record<string, string> = {};
        for (const [key, value] of Object.entries(record)) {
          if (key === 'sources') Object.assign(out, { source_ids: value.map((s: any) => s.id).join(' | '), source_outlets: value.map((s: any) => s.outlet).join(' | '), source_urls: value.map((s: any) => s.url ?? '').join(' | ') });
          else if (key === 'places') Object.assign(out, { place_ids: value.map((p: any) => p.id).join(' | '), place_names: value.map((p: any) => p.name).join(' | ') });
          else out[key] = str(value);
        }
        return out;
      };
      expect(json.records.map(flat)).toEqual(rows);
    });
  }
}

test('the French files keep their accents, and fields with commas and quotes are quoted', () => {
  const { text } = readCsv('fr', 'events');
  const withComma = [...content.events.entries()].find(([, y]) => tr(y.summary, 'fr').includes(','))!;
  const summary = tr(withComma[1].summary, 'fr');
  expect(summary).toMatch(/[éèàçêô]/);
  // RFC 4180: a field with a comma is wrapped in double quotes, inner quotes doubled.
  expect(text).toContain(`"${summary.replace(/"/g, '""')}"`);
  expect(csvRecords(text).find((r) => r.id === withComma[0])!.summary).toBe(summary);
});

for (const locale of LOCALES) {
  test(`${locale} educator page: a Data table lists every file with its rows, and its links download them`, async ({ page, request }) => {
    await page.goto(locale === 'en' ? 'educators/' : 'fr/educators/');
    const table = page.locator('table#data-files');
    await expect(table.locator('caption')).toContainText(locale === 'en' ? /current to \d+ \w+ \d{4}/ : /à jour au \d+ \S+ \d{4}/);
    await expect(table.locator('tbody tr')).toHaveCount(DATASETS.length);
    for (const dataset of DATASETS) {
      const row = table.locator(`tr[data-dataset="${dataset}"]`);
      await expect(row.locator('[data-rows]')).toHaveText(String(csvRecords(readCsv(locale, dataset).text).length));
      for (const format of ['csv', 'json']) {
        const link = row.getByRole('link', { name: format.toUpperCase(), exact: true });
        const href = (await link.getAttribute('href'))!;
        expect(href).toBe(`/${locale === 'en' ? '' : 'fr/'}data/${dataset}.${format}`);
        const response = await request.get(href);
        expect(response.status()).toBe(200);
        expect(await response.body()).toEqual(readFileSync(file(locale, `${dataset}.${format}`)));
      }
    }
    // A click downloads the file under a name that says what and which language.
    const download = page.waitForEvent('download');
    await table.locator('tr[data-dataset="events"]').getByRole('link', { name: 'CSV', exact: true }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(locale === 'en' ? 'road-to-bamako-events-en.csv' : 'route-de-bamako-events-fr.csv');
  });
}

test('every chart table and the figures table link their data files (built and live)', async ({ page }) => {
  await page.goto('./');
  // Built at build time: the closing section's chart tables (each chart step's figure links to its chart's) and the figures table.
  const built = await page.locator('details.chart-table, #numbers').evaluateAll((els) =>
    els.map((el) => ({
      chart: (el as HTMLElement).dataset.chartId ?? 'figures-table',
      hrefs: [...el.querySelectorAll('.data-download a')].map((a) => a.getAttribute('href')),
    })),
  );
  expect(built.map((b) => b.chart).sort()).toEqual([...CHART_IDS, 'figures-table'].sort());
  for (const { chart, hrefs } of built) {
    const datasets = chart === 'figures-table' ? ['figures'] : CHART_DATASETS[chart as keyof typeof CHART_DATASETS];
    expect(hrefs, chart).toEqual(datasets.flatMap((d) => [`/data/${d}.csv`, `/data/${d}.json`]));
  }
  // Live: the table under the chart the story engine draws.
  const chartStep = (await steps(page)).find((s): s is typeof s & { scene: ChartSceneData } => s.scene.graphic === 'fuel-traffic')!;
  await scrollToStep(page, chartStep.id);
  const live = page.locator('[data-panel="chart"] .chart__foot details.chart-table[data-chart-id="fuel-traffic"]');
  await live.locator('summary').click();
  const line = live.locator('.data-download');
  await expect(line).toBeVisible();
  await expect(line).toHaveText('Download the data: figures (CSV, JSON)');
  await expect(line.getByRole('link', { name: 'CSV' })).toHaveAttribute('href', '/data/figures.csv');
});
