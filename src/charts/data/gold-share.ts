/**
 * The gold-share chart's data, derived purely from `story.figures`: the
 * Kayes region's share of Mali's gold production (about 80%, per the
 * September 2025 news report) and ISS Today's older estimate (77%, April 2021),
 * each as a part of 100; Mali's 2023 industrial output in tonnes only as
 * context text. Shares are never multiplied by tonnes: the figures come from
 * different years and sources.
 */
import type { FigureData, GoldShareSceneData, StoryData } from '../../story/types';
import { formatDate, formatFigure, formatValue } from '../../i18n/format';
import { t } from '../../i18n/ui';
import { INTL_TAG } from '../../i18n/locales';
import { capitalize, latestDate, requireFigure, requireSource } from './lookup';

export type GoldShareStage = GoldShareSceneData['stage'];

export const GOLD_SHARE_FIGURE_IDS = {
  current: 'kayes-gold-share',
  earlier: 'kayes-gold-share-2021',
  output: 'mali-industrial-gold-2023',
} as const;

/** Which shares each stage shows. */
export const GOLD_SHARE_STAGES: Record<GoldShareStage, string[]> = {
  share: [GOLD_SHARE_FIGURE_IDS.current],
  compare: [GOLD_SHARE_FIGURE_IDS.current, GOLD_SHARE_FIGURE_IDS.earlier],
};

/** A share drawn as a 10 × 10 grid of squares, one per percentage point. */
export interface GoldShare {
  id: string;
  /** Percent, 0–100. */
  value: number;
  estimate: FigureData['estimate'];
  /** Squares filled out of 100: the value rounded to a whole percentage point. */
  cells: number;
  /** What the figure measures: its label, capitalised. */
  measure: string;
  /** "about 80%". */
  valueLabel: string;
  asOf: string;
  /** "September 2025". */
  asOfLabel: string;
  outlet: string;
  /** "BBC News, September 2025": who said it, when. */
  attribution: string;
}

export interface GoldShareData {
  shares: GoldShare[];
  /** Mali's industrial gold output, as context text only. */
  output: { id: string; measure: string; valueLabel: string; asOf: string; asOfLabel: string; outlet: string; text: string };
}

function share(story: StoryData, id: string): GoldShare {
  const f = requireFigure(story, id, 'gold-share');
  if (f.unit !== 'percent' || f.value < 0 || f.value > 100) {
    throw new Error(`gold-share chart: figure "${id}" must be a percentage from 0 to 100 (content/figures/${id}.yaml)`);
  }
  const { outlet } = requireSource(story, f.source, 'gold-share');
  const asOfLabel = formatDate(f.asOf, story.locale);
  return {
    id,
    value: f.value,
    estimate: f.estimate,
    cells: Math.round(f.value),
    measure: capitalize(f.label, INTL_TAG[story.locale]),
    valueLabel: formatFigure(f, story.locale),
    asOf: f.asOf,
    asOfLabel,
    outlet,
    // An outlet named by its date ("September 2025 news report") is not dated twice.
    attribution: outlet.includes(asOfLabel) ? outlet : t(story.locale, 'chart.attribution', { outlet, date: asOfLabel }),
  };
}

/**
 * The shares and the context figure from `story.figures` / `story.sources`.
 * Throws an error naming the id when a figure of `GOLD_SHARE_FIGURE_IDS` or
 * its source is missing, or when a share is not a percentage.
 */
export function deriveGoldShare(story: StoryData): GoldShareData {
  const o = requireFigure(story, GOLD_SHARE_FIGURE_IDS.output, 'gold-share');
  const outOutlet = requireSource(story, o.source, 'gold-share').outlet;
  const valueLabel = o.estimate === 'exact' ? formatValue(o, story.locale) : formatFigure(o, story.locale);
  const asOfLabel = formatDate(o.asOf, story.locale);
  return {
    shares: [share(story, GOLD_SHARE_FIGURE_IDS.current), share(story, GOLD_SHARE_FIGURE_IDS.earlier)],
    output: {
      id: o.id,
      measure: capitalize(o.label, INTL_TAG[story.locale]),
      valueLabel,
      asOf: o.asOf,
      asOfLabel,
      outlet: outOutlet,
      text: t(story.locale, 'chart.gold.output', { value: valueLabel, date: asOfLabel, outlet: outOutlet }),
    },
  };
}

/** The shares a stage shows, in drawing order. */
export function goldShares(data: GoldShareData, stage: GoldShareStage): GoldShare[] {
  return GOLD_SHARE_STAGES[stage].map((id) => data.shares.find((s) => s.id === id)!);
}

/** The chart's text alternative and note for a stage. */
export function describeGoldShare(data: GoldShareData, stage: GoldShareStage, locale: StoryData['locale']): { heading: string; title: string; desc: string; asOfLabel: string; outlets: string[] } {
  const heading = t(locale, 'chart.gold.heading');
  const shares = goldShares(data, stage);
  const [current, earlier] = shares;
  const parts = [
    t(locale, 'chart.gold.desc.scale'),
    t(locale, 'chart.gold.desc.share', { value: current.valueLabel, source: current.attribution }),
  ];
  if (earlier) parts.push(t(locale, 'chart.gold.desc.compare', { value: earlier.valueLabel, source: earlier.attribution }));
  if (stage === 'compare') parts.push(data.output.text);
  parts.push(t(locale, 'chart.desc.table'));
  const asOf = latestDate(shares.map((s) => s.asOf));
  const outlets = [...new Set([...shares.map((s) => s.outlet), ...(stage === 'compare' ? [data.output.outlet] : [])])];
  return { heading, title: t(locale, 'chart.gold.title'), desc: parts.join(' '), asOfLabel: asOf ? formatDate(asOf, locale) : '', outlets };
}
