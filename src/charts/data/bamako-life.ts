/**
 * The "life in Bamako" chart's data, derived purely from the story: what
 * BBC News reported in mid-September 2025 (fuel prices up about 10%, power
 * cuts more frequent — no number — and no outright shortage yet), then the
 * October–November events (fuel queues, schools closed, embassies telling
 * citizens to leave). Only what is known: no series is invented.
 */
import type { BamakoLifeSceneData, EventData, FigureData, StoryData } from '../../story/types';
import { formatDate, formatDateRange, formatFigure, formatQualifiedDate } from '../../i18n/format';
import { t } from '../../i18n/ui';
import { latestDate, outletsOf, requireEvent, requireFigure, requireSource } from './lookup';
import { periodOf } from './periods';

export type BamakoLifeStage = BamakoLifeSceneData['stage'];

export const BAMAKO_LIFE_FIGURE_IDS = { priceRise: 'bamako-fuel-price-rise' } as const;
export const BAMAKO_LIFE_EVENT_IDS = [
  'bamako-fuel-queues',
  'schools-closed',
  'us-urges-citizens-leave',
  'france-advises-citizens-leave',
] as const;

/** The October–November window the second stage draws: `[start, end)` as partial dates. */
export const BAMAKO_LIFE_WINDOW: [string, string] = ['2025-10', '2025-11'];

/** A reported change, drawn as a labelled indicator. */
export interface LifeIndicator {
  id: 'fuel-prices' | 'power-cuts' | 'fuel-supply';
  /** `quantitative`: has a number; `qualitative`: a direction or a state, no number. */
  kind: 'quantitative' | 'qualitative';
  /** `up`: rose; `none`: did not happen (no outright shortage). */
  direction: 'up' | 'none';
  /** "Fuel prices". */
  name: string;
  /** "up about 10%", "more frequent", "no outright shortage". */
  valueLabel: string;
  /** A qualifier shown under the value: "no figure reported". */
  detail?: string;
  /** When it was reported: "mid-September 2025". */
  when: string;
  estimate?: FigureData['estimate'];
  asOf: string;
  asOfLabel: string;
  outlet: string;
}

/** A dated event on the October–November strip. */
export interface LifeEvent {
  id: string;
  title: string;
  date: string;
  /** `on` the date, `by` it, or `around` it. */
  qualifier: EventData['qualifier'];
  precision: 'year' | 'month' | 'day';
  start: Date;
  end: Date;
  isSpan: boolean;
  dateLabel: string;
  outlets: string[];
}

export interface BamakoLifeData {
  indicators: LifeIndicator[];
  events: LifeEvent[];
}

/**
 * Indicators and events from `story.figures`, `story.events`, `story.sources`.
 * Throws an error naming the id when `bamako-fuel-price-rise`, one of
 * `BAMAKO_LIFE_EVENT_IDS` or a source is missing.
 */
export function deriveBamakoLife(story: StoryData): BamakoLifeData {
  const { locale } = story;
  const f = requireFigure(story, BAMAKO_LIFE_FIGURE_IDS.priceRise, 'bamako-life');
  const { outlet } = requireSource(story, f.source, 'bamako-life');
  const asOfLabel = formatDate(f.asOf, locale);
  const common = { asOf: f.asOf, asOfLabel, outlet, when: t(locale, 'chart.life.mid', { date: asOfLabel }) };
  const indicators: LifeIndicator[] = [
    {
      id: 'fuel-prices',
      kind: 'quantitative',
      direction: 'up',
      name: t(locale, 'chart.life.prices'),
      valueLabel: t(locale, 'chart.life.prices.value', { value: formatFigure(f, locale) }),
      estimate: f.estimate,
      ...common,
    },
    {
      id: 'power-cuts',
      kind: 'qualitative',
      direction: 'up',
      name: t(locale, 'chart.life.power'),
      valueLabel: t(locale, 'chart.life.power.value'),
      detail: t(locale, 'chart.life.noFigure'),
      ...common,
    },
    {
      id: 'fuel-supply',
      kind: 'qualitative',
      direction: 'none',
      name: t(locale, 'chart.life.supply'),
      valueLabel: t(locale, 'chart.life.supply.value'),
      ...common,
    },
  ];
  const events = BAMAKO_LIFE_EVENT_IDS.map((id): LifeEvent => {
    const e = requireEvent(story, id, 'bamako-life');
    const [start, end] = periodOf(e.date, e.end);
    return {
      id,
      title: e.title,
      date: e.date,
      qualifier: e.qualifier,
      precision: e.precision,
      start,
      end,
      isSpan: e.end !== undefined && e.end !== e.date,
      dateLabel: e.end ? formatDateRange(e.date, e.end, locale) : formatQualifiedDate({ qualifier: e.qualifier, date: e.date }, locale),
      outlets: outletsOf(story, e.sources, 'bamako-life'),
    };
  }).sort((a, b) => +a.start - +b.start);
  return { indicators, events };
}

/** The chart's text alternative and note for a stage. */
export function describeBamakoLife(data: BamakoLifeData, stage: BamakoLifeStage, story: StoryData): { heading: string; title: string; desc: string; asOfLabel: string; outlets: string[] } {
  const { locale } = story;
  if (stage === 'mid-september') {
    const heading = t(locale, 'chart.life.heading.september', { date: data.indicators[0].when });
    const first = data.indicators[0];
    const items = data.indicators.map((i) => `${i.name}: ${i.valueLabel}${i.detail ? ` (${i.detail})` : ''}`).join('; ');
    return {
      heading,
      title: t(locale, 'chart.life.title', { heading }),
      desc: `${t(locale, 'chart.life.desc.september', { source: first.outlet, date: first.when })} ${items}. ${t(locale, 'chart.desc.table')}`,
      asOfLabel: first.asOfLabel,
      outlets: [first.outlet],
    };
  }
  const heading = t(locale, 'chart.life.heading.october', { range: formatDateRange(...BAMAKO_LIFE_WINDOW, locale) });
  const items = data.events.map((e) => `${e.dateLabel}: ${e.title}`).join('; ');
  const latest = latestDate(BAMAKO_LIFE_EVENT_IDS.map((id) => {
    const e = story.events.find((v) => v.id === id)!;
    return e.end ?? e.date;
  }));
  return {
    heading,
    title: t(locale, 'chart.life.title', { heading }),
    desc: `${t(locale, 'chart.life.desc.october', { range: formatDateRange(...BAMAKO_LIFE_WINDOW, locale) })} ${items}. ${t(locale, 'chart.desc.table')}`,
    asOfLabel: latest ? formatDate(latest, locale) : '',
    outlets: [...new Set(data.events.flatMap((e) => e.outlets))],
  };
}
