/**
 * Each chart's data as a table a reader can reveal (and a no-JS reader or an
 * embed gets at build time). Pure: the rows are built from the very derived
 * data the chart draws (`src/charts/data/*`), formatted for `story.locale`.
 */
import type { StoryData } from '../story/types';
import type { ChartId } from './chart-ids';
import { t } from '../i18n/ui';
import { deriveTimeline } from './data/timeline';
import { deriveFuelTraffic, FUEL_TRAFFIC_STAGES } from './data/fuel-traffic';
import { deriveGoldShare, GOLD_SHARE_STAGES } from './data/gold-share';
import { deriveTrade } from './data/trade';
import { deriveBamakoLife } from './data/bamako-life';
import { outletsOf } from './data/lookup';

/** A chart's data table: every cell is display text. */
export interface ChartTableData {
  chartId: ChartId;
  caption: string;
  columns: string[];
  /** One array of cells per row, as many cells as `columns`; the first cell names the row. */
  rows: string[][];
  /** A stable id per row (figure, event, era or item id), for marking rows the current stage shows. */
  rowIds: string[];
  /** For each stage of the chart, the ids of the rows it draws (the timeline has none: it draws all). */
  stageRows: Record<string, string[]>;
}

/**
 * The data table of chart `chartId`, in `story.locale`.
 * Throws like the chart's derive function when a record it needs is missing.
 */
export function chartTable(chartId: ChartId, story: StoryData): ChartTableData {
  const { locale } = story;
  const col = (...keys: string[]) => keys.map((k) => t(locale, `chart.table.${k}`));
  switch (chartId) {
    case 'timeline': {
      const data = deriveTimeline(story);
      const eraRows = data.eras.map((e) => ({ id: e.id, cells: [e.dateLabel, e.title, t(locale, 'chart.table.era'), outletsOf(story, e.sources, 'timeline').join(', ')] }));
      const eventRows = data.events.map((e) => ({ id: e.id, cells: [e.dateLabel, e.title, t(locale, 'chart.table.event'), outletsOf(story, e.sources, 'timeline').join(', ')] }));
      const all = [...eraRows, ...eventRows];
      return {
        chartId,
        caption: t(locale, 'chart.timeline.caption'),
        columns: col('date', 'what', 'kind', 'source'),
        rows: all.map((r) => r.cells),
        rowIds: all.map((r) => r.id),
        stageRows: {},
      };
    }
    case 'fuel-traffic': {
      const data = deriveFuelTraffic(story);
      return {
        chartId,
        caption: t(locale, 'chart.fuel.caption'),
        columns: col('measure', 'value', 'asOf', 'source'),
        rows: data.rows.map((r) => [r.measure, r.valueLabel, r.asOfLabel, r.attribution]),
        rowIds: data.rows.map((r) => r.id),
        stageRows: FUEL_TRAFFIC_STAGES,
      };
    }
    case 'gold-share': {
      const data = deriveGoldShare(story);
      const rows = [
        ...data.shares.map((s) => ({ id: s.id, cells: [s.measure, s.valueLabel, s.asOfLabel, s.outlet] })),
        { id: data.output.id, cells: [data.output.measure, data.output.valueLabel, data.output.asOfLabel, data.output.outlet] },
      ];
      return {
        chartId,
        caption: t(locale, 'chart.gold.caption'),
        columns: col('measure', 'value', 'asOf', 'source'),
        rows: rows.map((r) => r.cells),
        rowIds: rows.map((r) => r.id),
        stageRows: { share: GOLD_SHARE_STAGES.share, compare: [...GOLD_SHARE_STAGES.compare, data.output.id] },
      };
    }
    case 'trade': {
      const data = deriveTrade(story);
      const rows = [
        { id: data.exports.id, cells: [data.exports.name, data.exports.valueLabel, data.exports.asOfLabel, data.outlet] },
        { id: 'main-partner', cells: [t(locale, 'chart.trade.partner.item'), data.partner, data.reportedLabel, data.outlet] },
        ...data.goods.map((g) => ({ id: g.id, cells: [g.label, t(locale, 'chart.trade.good.value'), data.reportedLabel, data.outlet] })),
      ];
      return {
        chartId,
        caption: t(locale, 'chart.trade.caption'),
        columns: col('item', 'reported', 'asOf', 'source'),
        rows: rows.map((r) => r.cells),
        rowIds: rows.map((r) => r.id),
        stageRows: { exports: [data.exports.id, 'main-partner'], goods: rows.map((r) => r.id) },
      };
    }
    case 'bamako-life': {
      const data = deriveBamakoLife(story);
      const rows = [
        ...data.indicators.map((i) => ({
          id: i.id,
          cells: [i.when, `${i.name}: ${i.valueLabel}${i.detail ? ` (${i.detail})` : ''}`, i.outlet],
        })),
        ...data.events.map((e) => ({ id: e.id, cells: [e.dateLabel, e.title, e.outlets.join(', ')] })),
      ];
      return {
        chartId,
        caption: t(locale, 'chart.life.caption'),
        columns: col('date', 'reported', 'source'),
        rows: rows.map((r) => r.cells),
        rowIds: rows.map((r) => r.id),
        stageRows: { 'mid-september': data.indicators.map((i) => i.id), 'october-november': data.events.map((e) => e.id) },
      };
    }
  }
}
