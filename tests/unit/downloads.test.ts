/**
 * The data files (src/downloads/): each CSV, parsed back with csv-parse,
 * holds the header and the values of its records; quoting survives commas,
 * quotes, line breaks and accents; the JSON holds the same records; links
 * point where the build writes the files, under any base path. The built
 * files themselves are compared to content/ in tests/e2e/data-downloads.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { makeStory as makeBareStory } from './fixtures/story';
import type { PlaceData, StoryData } from '../../src/story/types';
import { CSV_COLUMNS, CSV_LIST_SEPARATOR, csvRow, datasetCsv, datasetJson, datasetRecords, DATASETS, type DatasetInput } from '../../src/downloads/datasets';
import { CHART_DATASETS, datasetUrl } from '../../src/downloads/urls';
import { datasetLinks, downloadFileName } from '../../src/downloads/links';
import { CHART_IDS } from '../../src/charts/chart-ids';
import { relativeUrl } from '../../scripts/offline-zip.mjs';

/** The places of content/places/ (the chart fixture has none), as loadStory() resolves them in English. */
const placeFiles = import.meta.glob<string>('../../content/places/*.{yaml,yml}', { query: '?raw', import: 'default', eager: true });
const places: PlaceData[] = Object.entries(placeFiles).map(([path, text]) => {
  const data = parseYaml(text);
  const name = typeof data.name === 'string' ? data.name : data.name.en;
  return { id: path.replace(/^.*\//, '').replace(/\.ya?ml$/, ''), name, lat: data.lat, lon: data.lon, kind: data.kind, country: data.country, note: data.note?.en };
});

/** The fixture story with the real places. */
function makeStory(): StoryData {
  const story = makeBareStory();
  story.places = Object.fromEntries(places.map((p) => [p.id, p]));
  return story;
}
const story = makeStory();
const placeSources = Object.fromEntries(places.map((p) => [p.id, 'geonames']));
const input: DatasetInput = { story, placeSources };

/** The CSV parsed the way a reader's program would: BOM dropped, header row as keys. */
const parseCsv = (text: string): Record<string, string>[] => parse(text, { bom: true, columns: true, relax_column_count: false });

describe('CSV files', () => {
  it.each(DATASETS)('%s: a BOM, a header row of its columns, CRLF line ends, every record parsed back equal', (dataset) => {
    const csv = datasetCsv(dataset, input);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.slice(1).split('\r\n')[0]).toBe(CSV_COLUMNS[dataset].join(','));
    const rows = parseCsv(csv);
    // One CRLF after the header and after each record (no cell in this data holds a line break).
    expect(csv.split('\r\n')).toHaveLength(rows.length + 2);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
    const records = datasetRecords(dataset, input) as object[];
    expect(rows).toHaveLength(records.length);
    expect(rows.length).toBeGreaterThan(0);
    rows.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(CSV_COLUMNS[dataset]);
      expect(row).toEqual(csvRow(records[i]));
    });
  });

  it('quotes commas, double quotes and line breaks, and keeps accents (RFC 4180)', () => {
    const tricky = makeStory();
    const event = tricky.events[0];
    event.title = 'Kayes, Nioro du Sahel: the "blockade"';
    event.summary = 'Première ligne, avec une virgule\nDeuxième ligne : « guillemets » et "quotes"';
    const csv = datasetCsv('events', { story: tricky, placeSources });
    expect(csv).toContain('"Kayes, Nioro du Sahel: the ""blockade"""');
    expect(csv).toContain('"Première ligne, avec une virgule\nDeuxième ligne : « guillemets » et ""quotes"""');
    const row = parseCsv(csv).find((r) => r.id === event.id)!;
    expect(row.title).toBe(event.title);
    expect(row.summary).toBe(event.summary);
    // UTF-8 bytes, decoded strictly, give back the accented text.
    const bytes = new TextEncoder().encode(csv);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toContain('Première ligne');
  });

  it('every row carries its sources: ids, outlets and URLs in the same order', () => {
    for (const dataset of DATASETS.filter((d) => d !== 'sources')) {
      for (const row of parseCsv(datasetCsv(dataset, input))) {
        const ids = row.source_ids.split(CSV_LIST_SEPARATOR);
        expect(ids.length, `${dataset} ${row.id}`).toBeGreaterThan(0);
        expect(row.source_outlets.split(CSV_LIST_SEPARATOR)).toEqual(ids.map((id) => story.sources[id].outlet));
        expect(row.source_urls.split(CSV_LIST_SEPARATOR)).toEqual(ids.map((id) => story.sources[id].url ?? ''));
      }
    }
  });
});

describe('records', () => {
  it('events keep their date as written, its precision and qualifier, and their places by name', () => {
    const events = datasetRecords('events', input);
    expect(events.map((e) => e.id)).toEqual(story.events.map((e) => e.id));
    for (const [record, event] of events.map((r, i) => [r, story.events[i]] as const)) {
      expect(record.date).toBe(event.date);
      expect(record.date_precision).toBe(event.precision);
      expect(record.date_qualifier).toBe(event.qualifier);
      expect(record.places.map((p) => p.name)).toEqual(event.places.map((id) => story.places[id].name));
    }
    expect(events.some((e) => e.date_qualifier === 'by')).toBe(true);
    expect(new Set(events.map((e) => e.date_precision))).toEqual(new Set(['day', 'month']));
  });

  it('eras keep undated starts and ongoing ends as qualifiers with no date', () => {
    for (const era of datasetRecords('eras', input)) {
      expect(era.start === null).toBe(era.start_qualifier === 'undated');
      expect(era.end === null).toBe(era.end_qualifier === 'ongoing');
    }
  });

  it('figures, places and sources: every record once, with its values', () => {
    expect(datasetRecords('figures', input).map((f) => f.id).sort()).toEqual(Object.keys(story.figures).sort());
    const figure = datasetRecords('figures', input).find((f) => f.id === 'sept14-tankers-reuters')!;
    expect(figure).toMatchObject({ value: 40, estimate: 'at-least', as_of: '2025-09-14', as_of_precision: 'day', sources: [{ id: 'reuters-2025-09-16', outlet: 'Reuters' }] });
    expect(datasetRecords('places', input).map((p) => p.id).sort()).toEqual(Object.keys(story.places).sort());
    const sources = datasetRecords('sources', input);
    expect(sources.map((s) => s.number)).toEqual(sources.map((_, i) => i + 1));
  });

  it('a place without a coordinates source fails loudly', () => {
    expect(() => datasetRecords('places', { story, placeSources: {} })).toThrow(/coordinates source/);
  });

  it('the JSON file holds the same records, with its language and as-of date', () => {
    const file = datasetJson('figures', input);
    expect(file).toMatchObject({ dataset: 'figures', language: story.locale, currentTo: story.currentTo, count: Object.keys(story.figures).length });
    expect(JSON.parse(JSON.stringify(file)).records).toEqual(datasetRecords('figures', input));
  });
});

describe('links', () => {
  it('point at data/<name>.<format> below the language root and the base path', () => {
    expect(datasetUrl('events', 'csv', 'en', '/')).toBe('/data/events.csv');
    expect(datasetUrl('events', 'json', 'fr', '/interactive/mali-blockade/')).toBe('/interactive/mali-blockade/fr/data/events.json');
    const [links] = datasetLinks(['figures'], 'fr', '/');
    expect(links.name).toBe('chiffres');
    expect(links.links.map((l) => [l.text, l.href, l.fileName])).toEqual([
      ['CSV', '/fr/data/figures.csv', downloadFileName('figures', 'csv', 'fr')],
      ['JSON', '/fr/data/figures.json', downloadFileName('figures', 'json', 'fr')],
    ]);
  });

  it('every chart links at least one file', () => {
    for (const id of CHART_IDS) expect(CHART_DATASETS[id].length).toBeGreaterThan(0);
  });
});

describe('offline ZIP: links made relative for file://', () => {
  it.each([
    ['/', 'index.html', '/', 'index.html'],
    ['/fr/', 'index.html', '/', 'fr/index.html'],
    ['/', 'fr/educators/index.html', '/', '../../index.html'],
    ['/charts/timeline-all.svg', 'fr/index.html', '/', '../charts/timeline-all.svg'],
    ['/educators/#data-files', 'index.html', '/', 'educators/index.html#data-files'],
    ['/base/fr/', 'educators/index.html', '/base/', '../fr/index.html'],
    ['#step-1', 'index.html', '/', '#step-1'],
    ['https://www.reuters.com/x', 'index.html', '/', 'https://www.reuters.com/x'],
    ['//cdn.example/x.js', 'index.html', '/', '//cdn.example/x.js'],
  ])('%s in %s (base %s) → %s', (url, page, base, expected) => {
    expect(relativeUrl(url, page, base)).toBe(expected);
  });
});
