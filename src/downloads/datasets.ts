/**
 * The story's data as files a teacher or a student can open in a
 * spreadsheet or a program: events, eras, figures, places and sources, each
 * as CSV (RFC 4180, UTF-8) and JSON, in each language (src/pages/data/,
 * src/pages/fr/data/). Pure: the records come from the resolved `StoryData`
 * (`loadStory()`, built from the content collections), so the files hold the
 * same values the story states.
 *
 * Every record carries its sources (id, outlet and URL where known); dates
 * keep the precision they are written to (a year, a month or a day) and
 * their qualifier (`on`, `by`, `around`), as in `content/`.
 *
 * CSV: a header row, comma-separated, CRLF line ends, fields quoted when
 * they hold a comma, a quote or a line break (csv-stringify does the
 * quoting), a UTF-8 byte order mark so spreadsheet programs read accents
 * right. A list in a CSV cell (several sources) is joined by " | ".
 */
import { stringify } from 'csv-stringify/sync';
import { precisionOf, type DatePrecision, type EraBound } from '../content/dates';
import { orderedSources, sourceNumber } from '../content/source-order';
import type { PlaceData, StoryData } from '../story/types';
import { DATASETS, type Dataset } from './urls';

export { DATASETS, type Dataset };

/** What joins the items of a list in one CSV cell. */
export const CSV_LIST_SEPARATOR = ' | ';

/** A source as every record cites it. `url` is null when the source has no address on record. */
export interface SourceRef {
  id: string;
  outlet: string;
  url: string | null;
}

export interface EventRecord {
  id: string;
  title: string;
  /** As written in content/: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  date_precision: DatePrecision;
  /** `on` the date, `by` it (no earlier bound given), or `around` it. */
  date_qualifier: 'on' | 'by' | 'around';
  /** Last day of an event that spans days, or null. */
  end: string | null;
  end_precision: DatePrecision | null;
  summary: string;
  places: { id: string; name: string }[];
  sources: SourceRef[];
}

export interface EraRecord {
  id: string;
  title: string;
  /** Null when no source dates the start (`start_qualifier` is then `undated`). */
  start: string | null;
  start_precision: DatePrecision | null;
  start_qualifier: 'on' | 'by' | 'around' | 'undated';
  /** Null while the era continues (`end_qualifier` is then `ongoing`). */
  end: string | null;
  end_precision: DatePrecision | null;
  end_qualifier: 'on' | 'by' | 'around' | 'ongoing';
  sources: SourceRef[];
}

export interface FigureRecord {
  id: string;
  label: string;
  /** The number (the lower end of a range). */
  value: number;
  /** The upper end of a range, or null. */
  upper: number | null;
  unit: 'count' | 'percent' | 'usd' | 'tonnes' | 'km' | 'days';
  /** What a count counts ("fuel tankers"), or null for other units. */
  counts: string | null;
  estimate: 'exact' | 'approximate' | 'at-least' | 'more-than';
  /** The source's own words for the number, untranslated. */
  reported: string;
  /** When the value held: YYYY, YYYY-MM or YYYY-MM-DD. */
  as_of: string;
  as_of_precision: DatePrecision;
  note: string | null;
  sources: SourceRef[];
}

/** A place as the data files give it: the story's place (degrees, WGS84; ISO country code), its note or null, and its gazetteer. */
export interface PlaceRecord extends Omit<PlaceData, 'note'> {
  note: string | null;
  /** Where the coordinates come from (a gazetteer). */
  sources: SourceRef[];
}

export interface SourceRecord {
  /** The source's number in the story's source list ("[3]" in the text). */
  number: number;
  id: string;
  outlet: string;
  title: string | null;
  /** Publication date: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  date_precision: DatePrecision;
  url: string | null;
  /** How the story reached it (a republisher, the reference report), or null. */
  via: string | null;
  /** The language the piece is written in. */
  language: 'en' | 'fr';
  licence: string | null;
}

export interface DatasetRecords {
  events: EventRecord[];
  eras: EraRecord[];
  figures: FigureRecord[];
  places: PlaceRecord[];
  sources: SourceRecord[];
}

/** What the data files need besides the story: the source of each place's coordinates (`coordinatesSource` in content/places). */
export interface DatasetInput {
  story: StoryData;
  /** Place id → source id of its coordinates. */
  placeSources: Record<string, string>;
}

/** The JSON file of a dataset: what it is, in which language, as of when, and its records. */
export interface DatasetFile<D extends Dataset = Dataset> {
  dataset: D;
  language: StoryData['locale'];
  /** The date the story is current to (its closing chapter's `currentTo`). */
  currentTo: string;
  count: number;
  records: DatasetRecords[D];
}

/**
 * The CSV columns of each dataset, in order. A record's list of sources
 * becomes `source_ids`, `source_outlets` and `source_urls` (the same order
 * in each; an unknown URL is an empty item); an event's places become
 * `place_ids` and `place_names`.
 */
export const CSV_COLUMNS: { [D in Dataset]: string[] } = {
  events: ['id', 'title', 'date', 'date_precision', 'date_qualifier', 'end', 'end_precision', 'summary', 'place_ids', 'place_names', 'source_ids', 'source_outlets', 'source_urls'],
  eras: ['id', 'title', 'start', 'start_precision', 'start_qualifier', 'end', 'end_precision', 'end_qualifier', 'source_ids', 'source_outlets', 'source_urls'],
  figures: ['id', 'label', 'value', 'upper', 'unit', 'counts', 'estimate', 'reported', 'as_of', 'as_of_precision', 'note', 'source_ids', 'source_outlets', 'source_urls'],
  places: ['id', 'name', 'lat', 'lon', 'kind', 'country', 'note', 'source_ids', 'source_outlets', 'source_urls'],
  sources: ['number', 'id', 'outlet', 'title', 'date', 'date_precision', 'url', 'via', 'language', 'licence'],
};

/** `id` as a source reference. Throws when the story has no such source. */
function sourceRef(story: StoryData, id: string): SourceRef {
  const source = story.sources[id];
  if (!source) throw new Error(`no source "${id}" in content/sources/`);
  return { id, outlet: source.outlet, url: source.url ?? null };
}

const bound = <Q extends string>(b: EraBound) =>
  'date' in b
    ? { date: b.date as string | null, precision: precisionOf(b.date) as DatePrecision | null, qualifier: b.qualifier as Q }
    : { date: null, precision: null, qualifier: b.qualifier as Q };

/**
 * Every record of `dataset`, in the story's language, in a stable order:
 * events and eras by date (as the timeline orders them), figures by as-of
 * date then id, places by id, sources by their number in the source list.
 * Throws when a record names a source, or an event a place, that does not exist.
 */
export function datasetRecords<D extends Dataset>(dataset: D, { story, placeSources }: DatasetInput): DatasetRecords[D] {
  const refs = (ids: string[]) => ids.map((id) => sourceRef(story, id));
  const records: { [K in Dataset]: () => DatasetRecords[K] } = {
    events: () =>
      story.events.map((e) => ({
        id: e.id,
        title: e.title,
        date: e.date,
        date_precision: e.precision,
        date_qualifier: e.qualifier,
        end: e.end ?? null,
        end_precision: e.end ? precisionOf(e.end) : null,
        summary: e.summary,
        places: e.places.map((id) => {
          const place = story.places[id];
          if (!place) throw new Error(`event "${e.id}" names a place "${id}" that is not in content/places/`);
          return { id, name: place.name };
        }),
        sources: refs(e.sources),
      })),
    eras: () =>
      story.eras.map((e) => {
        const start = bound<EraRecord['start_qualifier']>(e.start);
        const end = bound<EraRecord['end_qualifier']>(e.end);
        return {
          id: e.id,
          title: e.title,
          start: start.date,
          start_precision: start.precision,
          start_qualifier: start.qualifier,
          end: end.date,
          end_precision: end.precision,
          end_qualifier: end.qualifier,
          sources: refs(e.sources),
        };
      }),
    figures: () =>
      Object.values(story.figures)
        .sort((a, b) => a.asOf.localeCompare(b.asOf) || a.id.localeCompare(b.id))
        .map((f) => ({
          id: f.id,
          label: f.label,
          value: f.value,
          upper: f.upper ?? null,
          unit: f.unit,
          counts: f.counts ?? null,
          estimate: f.estimate,
          reported: f.reported,
          as_of: f.asOf,
          as_of_precision: precisionOf(f.asOf),
          note: f.note ?? null,
          sources: refs([f.source]),
        })),
    places: () =>
      Object.values(story.places)
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((p) => {
          const source = placeSources[p.id];
          if (!source) throw new Error(`place "${p.id}" has no coordinates source`);
          return { id: p.id, name: p.name, lat: p.lat, lon: p.lon, kind: p.kind, country: p.country, note: p.note ?? null, sources: refs([source]) };
        }),
    sources: () =>
      orderedSources(story).map((s) => ({
        number: sourceNumber(story, s.id),
        id: s.id,
        outlet: s.outlet,
        title: s.title ?? null,
        date: s.date,
        date_precision: precisionOf(s.date),
        url: s.url ?? null,
        via: s.via ?? null,
        language: s.language,
        licence: s.licence ?? null,
      })),
  };
  return records[dataset]() as DatasetRecords[D];
}

/** The JSON file of `dataset` (see `DatasetFile`). */
export function datasetJson<D extends Dataset>(dataset: D, input: DatasetInput): DatasetFile<D> {
  const records = datasetRecords(dataset, input);
  return { dataset, language: input.story.locale, currentTo: input.story.currentTo, count: records.length, records };
}

/** A record as one CSV row: lists joined by `CSV_LIST_SEPARATOR`, null as an empty cell, numbers as JavaScript writes them. */
export function csvRow(record: object): Record<string, string> {
  const row: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'sources') {
      const sources = value as SourceRef[];
      row.source_ids = sources.map((s) => s.id).join(CSV_LIST_SEPARATOR);
      row.source_outlets = sources.map((s) => s.outlet).join(CSV_LIST_SEPARATOR);
      row.source_urls = sources.map((s) => s.url ?? '').join(CSV_LIST_SEPARATOR);
    } else if (key === 'places') {
      const places = value as { id: string; name: string }[];
      row.place_ids = places.map((p) => p.id).join(CSV_LIST_SEPARATOR);
      row.place_names = places.map((p) => p.name).join(CSV_LIST_SEPARATOR);
    } else {
      row[key] = value === null || value === undefined ? '' : String(value);
    }
  }
  return row;
}

/**
 * The CSV file of `dataset`: a UTF-8 byte order mark, a header row of
 * `CSV_COLUMNS[dataset]`, then one row per record, CRLF line ends (RFC 4180).
 */
export function datasetCsv(dataset: Dataset, input: DatasetInput): string {
  const rows = (datasetRecords(dataset, input) as object[]).map(csvRow);
  return stringify(rows, { header: true, columns: CSV_COLUMNS[dataset], record_delimiter: 'windows', bom: true });
}
