/**
 * The fuel-traffic chart's data, derived purely from the story: tanker trucks
 * a day from Senegal (a figure), the standstill one importer described in
 * words (an event: a state with no number), the tankers burned, and the
 * attack of 14 September 2025 as three sources counted it (figures).
 */
import type { FigureData, FuelTrafficSceneData, StoryData } from '../../story/types';
import { formatDate, formatFigure } from '../../i18n/format';
import { t } from '../../i18n/ui';
import { INTL_TAG } from '../../i18n/locales';
import { capitalize, latestDate, requireEvent, requireFigure, requireSource } from './lookup';

export type FuelTrafficStage = FuelTrafficSceneData['stage'];

/** The event the standstill stage shows: a state the source gives in words, with no number. */
export const FUEL_TRAFFIC_STANDSTILL_EVENT = 'fuel-traffic-standstill';

/** Figure ids the chart reads, by role. */
export const FUEL_TRAFFIC_FIGURE_IDS = {
  normal: 'tankers-daily-normal',
  burned: 'tankers-burned-two-weekends',
  reuters: 'sept14-tankers-reuters',
  acled: 'sept14-tankers-acled',
  jnim: 'sept14-tankers-jnim',
  convoy: 'sept14-convoy-vehicles',
} as const;

const F = FUEL_TRAFFIC_FIGURE_IDS;

/** Which figures (rows) each stage shows, top to bottom. */
export const FUEL_TRAFFIC_STAGES: Record<FuelTrafficStage, string[]> = {
  normal: [F.normal],
  standstill: [F.normal, FUEL_TRAFFIC_STANDSTILL_EVENT],
  burned: [F.burned],
  'sept-14': [F.reuters, F.acled, F.jnim, F.convoy],
};

/** One row: a figure (a bar) or a state (words, no bar), with the words it is drawn with. */
export interface FuelTrafficRow {
  /** The figure's id, or the event's for a state. */
  id: string;
  /**
   * `measure`: tanker trucks; `context`: the convoy's size, not a count of
   * tankers; `state`: a situation reported in words, with no number (no bar).
   */
  role: 'measure' | 'context' | 'state';
  /** The row's name: "Usually, each day", "ACLED, as reported by Reuters". */
  name: string;
  /** What the figure counts: its label, capitalised ("Tanker trucks entering Mali from Senegal per day, usually"). */
  measure: string;
  /** The figure's value (count of vehicles); null for a state, which has none. */
  value: number | null;
  estimate: FigureData['estimate'];
  /** The value as read, qualifier included: "more than 100", "about 100", "51"; a state's words for it. */
  valueLabel: string;
  /** The partial date the figure holds for, and formatted. */
  asOf: string;
  asOfLabel: string;
  /** Outlet that published the figure (from `story.sources`). */
  outlet: string;
  /** Who the figure is from: the outlet, or "ACLED, as reported by Reuters". */
  attribution: string;
  /** For a state: the words drawn in place of a bar ("One importer, September 2025: “come to a standstill”"). */
  stateLabel?: string;
  /** For a state: why there is no bar ("No number given"). */
  stateNote?: string;
}

export interface FuelTrafficData {
  /** Every row of every stage, keyed in `FUEL_TRAFFIC_STAGES` order. */
  rows: FuelTrafficRow[];
  /** The largest value of any row (count); scales share it so stages compare. */
  max: number;
}

/**
 * The chart's rows from `story.figures` and `story.sources`.
 * Throws an error naming the id when a figure of `FUEL_TRAFFIC_FIGURE_IDS`
 * or its source is missing.
 */
export function deriveFuelTraffic(story: StoryData): FuelTrafficData {
  const { locale } = story;
  const row = (id: string, role: FuelTrafficRow['role'], name: (f: FigureData, outlet: string) => string, attribution?: string): FuelTrafficRow => {
    const f = requireFigure(story, id, 'fuel-traffic');
    const { outlet } = requireSource(story, f.source, 'fuel-traffic');
    const formatted = formatFigure(f, locale);
    return {
      id,
      role,
      name: name(f, outlet),
      measure: capitalize(f.label, INTL_TAG[locale]),
      value: f.value,
      estimate: f.estimate,
      valueLabel: role === 'context' ? t(locale, 'chart.fuel.value.vehicles', { value: formatted }) : formatted,
      asOf: f.asOf,
      asOfLabel: formatDate(f.asOf, locale),
      outlet,
      attribution: attribution === undefined ? outlet : t(locale, 'chart.fuel.reportedBy', { counter: attribution, outlet }),
    };
  };
  const standstill = requireEvent(story, FUEL_TRAFFIC_STANDSTILL_EVENT, 'fuel-traffic');
  const standstillOutlet = requireSource(story, standstill.sources[0], 'fuel-traffic').outlet;
  const state: FuelTrafficRow = {
    id: standstill.id,
    role: 'state',
    name: t(locale, 'chart.fuel.row.standstill', { date: formatDate(standstill.date, locale) }),
    measure: standstill.title,
    value: null,
    estimate: 'exact',
    valueLabel: t(locale, 'chart.fuel.value.standstill'),
    asOf: standstill.date,
    asOfLabel: formatDate(standstill.date, locale),
    outlet: standstillOutlet,
    attribution: standstillOutlet,
    stateLabel: t(locale, 'chart.fuel.state.standstill', { date: formatDate(standstill.date, locale) }),
    stateNote: t(locale, 'chart.fuel.state.noNumber'),
  };
  const rows = [
    row(F.normal, 'measure', () => t(locale, 'chart.fuel.row.normal')),
    state,
    row(F.burned, 'measure', () => t(locale, 'chart.fuel.row.burned')),
    row(F.reuters, 'measure', (_, outlet) => outlet),
    row(F.acled, 'measure', (_, outlet) => t(locale, 'chart.fuel.reportedBy', { counter: t(locale, 'chart.fuel.counter.acled'), outlet }), t(locale, 'chart.fuel.counter.acled')),
    row(F.jnim, 'measure', (_, outlet) => t(locale, 'chart.fuel.reportedBy', { counter: t(locale, 'chart.fuel.counter.jnim'), outlet }), t(locale, 'chart.fuel.counter.jnim')),
    row(F.convoy, 'context', () => t(locale, 'chart.fuel.row.convoy')),
  ];
  return { rows, max: Math.max(...rows.map((r) => r.value ?? 0)) };
}

/** The rows a stage shows, in drawing order. */
export function fuelTrafficRows(data: FuelTrafficData, stage: FuelTrafficStage): FuelTrafficRow[] {
  return FUEL_TRAFFIC_STAGES[stage].map((id) => data.rows.find((r) => r.id === id)!);
}

/**
 * The title of the value axis at a stage: what the bars count
 * ("Tanker trucks a day", "Tankers destroyed").
 */
export function fuelTrafficAxisTitle(stage: FuelTrafficStage, locale: StoryData['locale']): string {
  if (stage === 'normal' || stage === 'standstill') return t(locale, 'chart.fuel.axis.daily');
  if (stage === 'burned') return t(locale, 'chart.fuel.axis.burned');
  return t(locale, 'chart.fuel.axis.destroyed');
}

/**
 * The convoy's size as the annotation of the `sept-14` stage ("The convoy:
 * more than 100 vehicles"): vehicles, not tankers, so never a bar on the
 * tankers' axis.
 */
export function convoyAnnotation(data: FuelTrafficData, locale: StoryData['locale']): string {
  const convoy = data.rows.find((r) => r.id === F.convoy)!;
  return t(locale, 'chart.fuel.convoy', { value: convoy.valueLabel });
}

/** The visible heading of a stage. */
export function fuelTrafficHeading(data: FuelTrafficData, stage: FuelTrafficStage, locale: StoryData['locale']): string {
  if (stage === 'normal' || stage === 'standstill') return t(locale, 'chart.fuel.heading.daily');
  if (stage === 'burned') return t(locale, 'chart.fuel.heading.burned');
  const reuters = data.rows.find((r) => r.id === F.reuters)!;
  return t(locale, 'chart.fuel.heading.sept14', { date: formatDate(reuters.asOf, locale) });
}

/**
 * The chart's text alternative for a stage: heading, short title and a long
 * description (scale, every value with its source, the trend).
 * `axisMax` is the end of the drawn scale (count).
 */
export function describeFuelTraffic(data: FuelTrafficData, stage: FuelTrafficStage, axisMax: number, locale: StoryData['locale']): { heading: string; title: string; desc: string; asOfLabel: string; outlets: string[] } {
  const heading = fuelTrafficHeading(data, stage, locale);
  const rows = fuelTrafficRows(data, stage);
  const get = (id: string) => data.rows.find((r) => r.id === id)!;
  const parts = [
    t(locale, 'chart.fuel.desc.scale', { max: axisMax }),
    `${rows.map((r) => t(locale, 'chart.desc.row', { name: r.name, value: r.valueLabel, source: r.attribution, date: r.asOfLabel })).join('; ')}.`,
  ];
  if (stage === 'standstill') parts.push(t(locale, 'chart.fuel.trend.standstill', { from: get(F.normal).valueLabel }));
  if (stage === 'sept-14') {
    parts.push(t(locale, 'chart.fuel.trend.sept14', { low: get(F.reuters).valueLabel, high: get(F.jnim).valueLabel, convoy: get(F.convoy).valueLabel }));
  }
  parts.push(t(locale, 'chart.desc.encoding'));
  const outlets = [...new Set(rows.map((r) => r.outlet))];
  const latest = latestDate(rows.map((r) => r.asOf));
  return {
    heading,
    title: t(locale, 'chart.fuel.title', { heading }),
    desc: parts.join(' '),
    asOfLabel: latest ? formatDate(latest, locale) : '',
    outlets,
  };
}
