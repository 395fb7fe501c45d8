/**
 * The trade chart's data, derived purely from `story.figures`: Senegalese
 * exports to Mali (more than $1.4 billion "last year", as reported in
 * September 2025), Mali as Senegal's main African trade partner, and the
 * goods the Bamako–Kayes route carries. The reporting gives no value for
 * each good, so goods are listed, never sized.
 */
import type { FigureData, StoryData, TradeSceneData } from '../../story/types';
import { formatDate, formatFigure } from '../../i18n/format';
import { t } from '../../i18n/ui';
import { requireFigure, requireSource } from './lookup';

export type TradeStage = TradeSceneData['stage'];

export const TRADE_FIGURE_IDS = { exports: 'senegal-exports-to-mali' } as const;

/** The goods on the Bamako–Kayes route, in the reporting's order (interface keys `chart.trade.good.<id>`). */
export const TRADE_GOODS = ['fuel', 'cement', 'foodstuffs', 'manufactured-goods'] as const;

export interface TradeData {
  exports: {
    id: string;
    /** US dollars. */
    value: number;
    estimate: FigureData['estimate'];
    /** "more than $1.4 billion". */
    valueLabel: string;
    /** "Senegalese exports to Mali, 2024". */
    name: string;
    asOf: string;
    asOfLabel: string;
    outlet: string;
  };
  /** "Mali is Senegal's main African trade partner", from the same report. */
  partner: string;
  goods: { id: (typeof TRADE_GOODS)[number]; label: string }[];
  /** Outlet of the trade facts (the exports figure's source). */
  outlet: string;
  /** When that outlet reported them: its source's date, formatted ("September 2025"). */
  reportedLabel: string;
}

/**
 * Exports, partner statement and goods from `story.figures` / `story.sources`.
 * Throws an error naming the id when `senegal-exports-to-mali` or its source is missing.
 */
export function deriveTrade(story: StoryData): TradeData {
  const { locale } = story;
  const f = requireFigure(story, TRADE_FIGURE_IDS.exports, 'trade');
  const source = requireSource(story, f.source, 'trade');
  const { outlet } = source;
  const asOfLabel = formatDate(f.asOf, locale);
  return {
    exports: {
      id: f.id,
      value: f.value,
      estimate: f.estimate,
      valueLabel: formatFigure(f, locale),
      name: t(locale, 'chart.trade.exports', { date: asOfLabel }),
      asOf: f.asOf,
      asOfLabel,
      outlet,
    },
    partner: t(locale, 'chart.trade.partner'),
    goods: TRADE_GOODS.map((id) => ({ id, label: t(locale, `chart.trade.good.${id}`) })),
    outlet,
    reportedLabel: formatDate(source.date, locale),
  };
}

/** The chart's text alternative and note for a stage. */
export function describeTrade(data: TradeData, stage: TradeStage, axisMaxLabel: string, locale: StoryData['locale']): { heading: string; title: string; desc: string; asOfLabel: string; outlets: string[] } {
  const heading = t(locale, stage === 'exports' ? 'chart.trade.heading.exports' : 'chart.trade.heading.goods');
  const parts = [
    t(locale, 'chart.trade.desc.exports', { max: axisMaxLabel, value: data.exports.valueLabel, date: data.exports.asOfLabel, source: data.outlet }),
    `${data.partner}.`,
  ];
  if (stage === 'goods') parts.push(t(locale, 'chart.trade.desc.goods', { goods: data.goods.map((g) => g.label).join(', ') }));
  parts.push(t(locale, 'chart.desc.encoding'));
  return { heading, title: t(locale, 'chart.trade.title', { heading }), desc: parts.join(' '), asOfLabel: data.exports.asOfLabel, outlets: [data.outlet] };
}
