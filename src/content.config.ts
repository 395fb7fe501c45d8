/**
 * The content model: every collection the story reads, with its schema.
 *
 * Records live in `content/` (one YAML file per record, the file name is its
 * id; chapters are MDX). A record that breaks a schema fails `astro sync`,
 * `astro check` and `astro build` with a message naming the collection, the
 * record and the field. Cross-references (an event naming a place, a figure
 * naming a source) are checked by `reference()`, and again with the file path
 * by `src/content/integrity.ts` when the pages build.
 *
 * See docs/authoring.md for how editors add records.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { LAYER_IDS } from './map/layer-ids';
import { DATE_PATTERN, isCalendarDate, parseEraBound, parseQualifiedDate, QUALIFIED_DATE_PATTERN } from './content/dates';
import { reportedHolds } from './content/reported';

/** Where the content lives, relative to the project root. */
const CONTENT_DIR = './content';

const yaml = (collection: string) =>
  glob({ pattern: '*.{yaml,yml}', base: `${CONTENT_DIR}/${collection}` });

/** YAML reads an unquoted `2025-09-14` as a Date and `2024` as a number: read both back as written. */
const asWritten = (value: unknown) =>
  value instanceof Date && !Number.isNaN(value.getTime())
    ? value.toISOString().slice(0, 10)
    : typeof value === 'number' && Number.isInteger(value)
      ? String(value)
      : value;

/**
 * A date as written by an editor: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * The written form carries its precision (year, month or day). YAML turns an
 * unquoted `2025-09-14` into a Date and `2024` into a number; both are read
 * back as the string the editor wrote.
 */
export const partialDate = z.preprocess(
  asWritten,
  z
    .string({ error: 'a date is required, written YYYY, YYYY-MM or YYYY-MM-DD' })
    .regex(DATE_PATTERN, { error: 'a date must be written YYYY, YYYY-MM or YYYY-MM-DD' })
    .refine(isCalendarDate, { error: 'this date does not exist in the calendar' }),
);

/**
 * A dated point as the source gives it: `2023-12-31`, `by 2023-12-31` (it had
 * happened by then) or `around 2013` (the source's date is approximate).
 * Read as `{ qualifier: 'on' | 'by' | 'around', date }`.
 */
export const qualifiedDate = z.preprocess(
  asWritten,
  z
    .string({ error: 'a date is required, written YYYY, YYYY-MM or YYYY-MM-DD, optionally after "by" or "around"' })
    .regex(QUALIFIED_DATE_PATTERN, { error: 'a date must be written YYYY, YYYY-MM or YYYY-MM-DD, optionally after "by" or "around"' })
    .refine((text) => isCalendarDate(text.replace(/^(by|around) /, '')), { error: 'this date does not exist in the calendar' })
    .transform(parseQualifiedDate),
);

/** One end of an era: a qualified date, `undated` (no source dates it) or `ongoing` (it has not ended). */
const eraBound = z.preprocess(
  asWritten,
  z
    .string()
    .refine((text) => text === 'undated' || text === 'ongoing' || QUALIFIED_DATE_PATTERN.test(text), {
      error: 'an era bound is a date (optionally after "by" or "around"), "undated" or "ongoing"',
    })
    .refine((text) => text === 'undated' || text === 'ongoing' || isCalendarDate(text.replace(/^(by|around) /, '')), {
      error: 'this date does not exist in the calendar',
    })
    .transform(parseEraBound),
);

/**
 * Text in the story's languages: English and French, both required. A record
 * missing its French text fails `astro sync`, `astro check` and the build,
 * naming the file and the field (`title.fr`).
 */
export const localized = z.object({ en: z.string().min(1), fr: z.string().min(1) });

/** A proper name: a plain string when it reads the same in every language, else localized. */
const name = z.union([z.string().min(1), localized]);

/** Outlets and datasets that every fact and coordinate traces to. */
const sources = defineCollection({
  loader: yaml('sources'),
  schema: z.object({
    /** The original outlet or publisher (cite the wire, not the republisher). */
    outlet: name,
    /** Headline or dataset name, when known. */
    title: z.string().min(1).optional(),
    /** Publication date (its written form gives its precision). */
    date: partialDate,
    /** Where the piece can be read, when known. */
    url: z.url().optional(),
    /** How we reached it, e.g. "as reported in the reference report", or a republisher. */
    via: localized.optional(),
    /** The language the piece is written in (BCP 47), when it is not English: a quotation from it is translated. */
    language: z.enum(['en', 'fr']).default('en'),
    /** Licence of a dataset (map data, gazetteer). */
    licence: z.string().optional(),
  }),
});

/** Places on the map. Only places whose location is known precisely belong here. */
const places = defineCollection({
  loader: yaml('places'),
  schema: z.object({
    /** The place's name in each language (a plain string when it is the same). */
    name,
    /** Latitude in degrees, WGS84. */
    lat: z.number().min(-90).max(90),
    /** Longitude in degrees, WGS84. */
    lon: z.number().min(-180).max(180),
    kind: z.enum(['capital', 'city', 'town']),
    /** ISO 3166-1 alpha-2 country code. */
    country: z.string().regex(/^[A-Z]{2}$/, { error: 'country must be an ISO 3166-1 alpha-2 code such as ML' }),
    /** Where the coordinates come from (a gazetteer record in `sources`). */
    coordinatesSource: reference('sources'),
    /** Anything a reader or editor should know about the point. */
    note: localized.optional(),
  }),
});

/** Dated events for the timeline. */
const events = defineCollection({
  loader: yaml('events'),
  schema: z.object({
    title: localized,
    /** When it happened, as precisely and as surely as the source says: `2025-09-14`, `2025-09`, `by 2023-12-31`. */
    date: qualifiedDate,
    /** Last day of an event that spans days (for example school closures). */
    end: partialDate.optional(),
    summary: localized,
    places: z.array(reference('places')).default([]),
    sources: z.array(reference('sources')).min(1, { error: 'an event needs at least one source' }),
  }),
});

/**
 * Eras: spans the timeline shades behind the events. Each end is a date as
 * the sources give it (`2012`, `by 2021-12-23`), `undated` when no source
 * dates the start, or `ongoing` when the era had not ended as the story closes.
 */
const eras = defineCollection({
  loader: yaml('eras'),
  schema: z.object({
    title: localized,
    start: eraBound.refine((b) => b.qualifier !== 'ongoing', { error: 'an era cannot start "ongoing"' }),
    end: eraBound.refine((b) => b.qualifier !== 'undated', { error: 'an era end is a date or "ongoing"' }),
    sources: z.array(reference('sources')).min(1),
  }),
});

/**
 * Numbers stated on the page; each has a source and an "as of" date. A
 * figure is a number the source gives: `reported` quotes the source's own
 * words for it ("Around 100", "over $1.4 billion", "six"), and `value` (and
 * `upper`, for a range) must be a number in those words. A state the source
 * gives in words ("come to a standstill") is not a figure: it fails here, and
 * belongs in an event.
 */
const figures = defineCollection({
  loader: yaml('figures'),
  schema: z
    .object({
      /** What is counted, in a few words, lower case ("tanker trucks entering Mali from Senegal each day"). */
      label: localized,
      /** The number (the lower end of a range). */
      value: z.number(),
      /** The upper end, when the source gives a range ("160,000–200,000 tonnes"). */
      upper: z.number().optional(),
      /** The source's own words for the number, as reported. */
      reported: z.string().min(1),
      /** Unit of `value`: a count, a percentage, US dollars, tonnes, kilometres or days. */
      unit: z.enum(['count', 'percent', 'usd', 'tonnes', 'km', 'days']),
      /** What the count counts, for `count` units, plural ("tanker trucks"); printed after the number. */
      counts: localized.optional(),
      /** Whether the value is exact, approximate ("about"), or a lower bound ("at least", "more than"). */
      estimate: z.enum(['exact', 'approximate', 'at-least', 'more-than']),
      /** When the value held. */
      asOf: partialDate,
      source: reference('sources'),
      note: localized.optional(),
    })
    .refine((f) => reportedHolds(f.reported, f.value), {
      error: 'value must be a number the source gives: it is not among the numbers in `reported`',
      path: ['value'],
    })
    .refine((f) => f.upper === undefined || (f.upper > f.value && reportedHolds(f.reported, f.upper)), {
      error: 'upper must be above value and among the numbers in `reported`',
      path: ['upper'],
    })
    .refine((f) => f.unit !== 'count' || f.counts !== undefined, {
      error: 'a count needs `counts`: what it counts ("tanker trucks")',
      path: ['counts'],
    }),
});

/** Named cameras: the geography a map step shows, as bounds (degrees) so it fits any screen. */
const views = defineCollection({
  loader: yaml('views'),
  schema: z
    .object({
      title: localized,
      /** [[west, south], [east, north]] in degrees. */
      bounds: z.tuple([
        z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
        z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
      ]),
      /** Degrees clockwise from north. */
      bearing: z.number().min(-180).max(180).default(0),
      /** Degrees from vertical. */
      pitch: z.number().min(0).max(60).default(0),
    })
    .refine(({ bounds: [[w, s], [e, n]] }) => w < e && s < n, {
      error: 'bounds must be [[west, south], [east, north]] with west < east and south < north',
      path: ['bounds'],
    }),
});

const sceneBase = {
  /** The figure's headline, on its embed page, in print and in presenter mode. */
  title: localized,
  /** One sentence announced to screen readers when the scene appears. */
  description: localized,
  /** Sources for what the scene shows (besides those of its figures and events). */
  sources: z.array(reference('sources')).default([]),
};

/**
 * Scenes: the whole state of the sticky graphic for a step. A step names one
 * scene; the engine renders it as is, whatever came before.
 */
const scenes = defineCollection({
  loader: yaml('scenes'),
  schema: z.discriminatedUnion('graphic', [
    z.object({
      graphic: z.literal('map'),
      view: reference('views'),
      layers: z.array(z.enum(LAYER_IDS)).default([]),
      /** Places labelled and marked on the map. */
      highlight: z.array(reference('places')).default([]),
      ...sceneBase,
    }),
    z.object({
      graphic: z.literal('timeline'),
      /** `all`: 2012 to December 2025; `blockade`: September to December 2025. */
      range: z.enum(['all', 'blockade']),
      highlight: reference('events').optional(),
      ...sceneBase,
    }),
    z.object({
      graphic: z.literal('fuel-traffic'),
      /** normal traffic; the standstill; tankers burned; the 14 September counts. */
      stage: z.enum(['normal', 'standstill', 'burned', 'sept-14']),
      ...sceneBase,
    }),
    z.object({
      graphic: z.literal('gold-share'),
      /** `share`: Kayes's share now; `compare`: with the 2021 estimate. */
      stage: z.enum(['share', 'compare']),
      ...sceneBase,
    }),
    z.object({
      graphic: z.literal('trade'),
      stage: z.enum(['exports', 'goods']),
      ...sceneBase,
    }),
    z.object({
      graphic: z.literal('bamako-life'),
      stage: z.enum(['mid-september', 'october-november']),
      ...sceneBase,
    }),
  ]),
});

/**
 * The story's chapters, in order, one folder per language
 * (content/chapters/en/, content/chapters/fr/). MDX, with `<Step>` components
 * for scrolly steps; every language declares the same steps (src/content/chapters.ts).
 */
const chapters = defineCollection({
  loader: glob({ pattern: '{en,fr}/*.mdx', base: `${CONTENT_DIR}/chapters` }),
  schema: z.object({
    title: z.string().min(1),
    /** Position in the story, from 1. */
    order: z.number().int().positive(),
    /** `scrolly`: text beside the sticky graphic; `plain`: full-width prose. (Not `layout`: MDX reserves that key.) */
    format: z.enum(['scrolly', 'plain']),
    /** A short line shown above the title. */
    kicker: z.string().optional(),
    /** On the closing chapter: the date the story is current to. */
    currentTo: partialDate.optional(),
    /** On the closing chapter: the date the story was first published. */
    published: partialDate.optional(),
    /** On the closing chapter: the log of updates and corrections, newest first. */
    updates: z
      .array(z.object({ date: partialDate, kind: z.enum(['update', 'correction']), text: z.string().min(1) }))
      .default([]),
  }),
});

/**
 * The classroom kit, per language (content/educators/en/, content/educators/fr/):
 * the educator's guide (`kind: guide`) and the student summary (`kind: summary`).
 * MDX, with <StepLink>, <Question>/<Answer>, <AnswerSpace>, <Figure>, <Glossary>, <Cite>, <Num>.
 */
const educators = defineCollection({
  loader: glob({ pattern: '{en,fr}/*.mdx', base: `${CONTENT_DIR}/educators` }),
  schema: z.object({
    title: z.string().min(1),
    /** One or two sentences under the title. */
    dek: z.string().min(1),
    kind: z.enum(['guide', 'summary']),
  }),
});

/** Glossary terms for the classroom kit: a term and its definition in each language, with the sources of any fact it states. */
const glossary = defineCollection({
  loader: yaml('glossary'),
  schema: z.object({
    term: localized,
    definition: localized,
    /** Sources of the facts the definition states (none for a plain definition of a word). */
    sources: z.array(reference('sources')).default([]),
    /** Position in the glossary (alphabetical order differs by language, so this only breaks ties). */
    order: z.number().int().optional(),
  }),
});

export const collections = { sources, places, events, eras, figures, views, scenes, chapters, educators, glossary };
