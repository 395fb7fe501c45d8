/**
 * Each chart's data table: its values are the chart's own derived data, row
 * for row, and every row has as many cells as columns.
 */
import { describe, expect, it } from 'vitest';
import { makeStory, story } from './fixtures/story';
import { chartTable } from '../../src/charts/tables';
import { CHART_IDS } from '../../src/charts/chart-ids';
import { deriveTimeline } from '../../src/charts/data/timeline';
import { deriveFuelTraffic, FUEL_TRAFFIC_STAGES } from '../../src/charts/data/fuel-traffic';
import { deriveGoldShare } from '../../src/charts/data/gold-share';
import { deriveTrade } from '../../src/charts/data/trade';
import { deriveBamakoLife } from '../../src/charts/data/bamako-life';

/** Intl puts thin and no-break spaces in ranges and units; compare them as plain spaces. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value).replace(/[\u2009\u202f\u00a0]/g, ' '));

describe('chart tables', () => {
  it.each(CHART_IDS)('%s: a caption, columns, and rows as wide as the columns', (id) => {
    const table = chartTable(id, story);
    expect(table.chartId).toBe(id);
    expect(table.caption.length).toBeGreaterThan(5);
    expect(table.rows.length).toBeGreaterThan(0);
    expect(table.rowIds).toHaveLength(table.rows.length);
    expect(new Set(table.rowIds).size).toBe(table.rowIds.length);
    for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
    for (const ids of Object.values(table.stageRows)) for (const rowId of ids) expect(table.rowIds).toContain(rowId);
  });

  it('timeline: every era and event, with the dates the chart uses', () => {
    const data = deriveTimeline(story);
    const table = chartTable('timeline', story);
    expect(table.rowIds).toEqual([...data.eras.map((e) => e.id), ...data.events.map((e) => e.id)]);
    expect(table.rows.map((r) => r.slice(0, 2))).toEqual([...data.eras, ...data.events].map((d) => [d.dateLabel, d.title]));
    expect(plain(table.rows.find((_, i) => table.rowIds[i] === 'schools-closed'))).toEqual([
      '27 October – 9 November 2025',
      'Schools and universities closed',
      'Event',
      'AP, AFP',
    ]);
  });

  it('fuel-traffic: the bars’ values, as-of dates and attributions', () => {
    const data = deriveFuelTraffic(story);
    const table = chartTable('fuel-traffic', story);
    expect(table.rows).toEqual(data.rows.map((r) => [r.measure, r.valueLabel, r.asOfLabel, r.attribution]));
    expect(table.stageRows).toEqual(FUEL_TRAFFIC_STAGES);
    expect(table.rows.map((r) => r[1])).toEqual([
      'more than 100',
      '“come to a standstill” (no number given)',
      'about 100',
      'at least 40',
      '51',
      '80',
      'more than 100 vehicles',
    ]);
  });

  it('gold-share: both shares and the output', () => {
    const data = deriveGoldShare(story);
    const table = chartTable('gold-share', story);
    expect(table.rows.slice(0, 2)).toEqual(data.shares.map((s) => [s.measure, s.valueLabel, s.asOfLabel, s.outlet]));
    expect(table.rows[2]).toEqual([data.output.measure, '66.5 tonnes', '2023', 'Reuters']);
    expect(table.stageRows.share).toEqual(['kayes-gold-share']);
  });

  it('trade: exports, the partner statement and the four goods', () => {
    const data = deriveTrade(story);
    const table = chartTable('trade', story);
    expect(table.rows[0]).toEqual([data.exports.name, data.exports.valueLabel, '2024', 'BBC News']);
    expect(table.rows[1][1]).toBe(data.partner);
    expect(table.rows.slice(2).map((r) => r[0])).toEqual(data.goods.map((g) => g.label));
    expect(table.stageRows.exports).toEqual(['senegal-exports-to-mali', 'main-partner']);
  });

  it('bamako-life: the indicators then the events', () => {
    const data = deriveBamakoLife(story);
    const table = chartTable('bamako-life', story);
    expect(table.rowIds).toEqual([...data.indicators.map((i) => i.id), ...data.events.map((e) => e.id)]);
    expect(table.rows[1]).toEqual(['mid-September 2025', 'Power cuts: more frequent (no figure reported)', 'BBC News']);
    expect(plain(table.rows[4])).toEqual(['27 October – 9 November 2025', 'Schools and universities closed', 'AP, AFP']);
  });

  it('throws like the chart when a record is missing', () => {
    const broken = makeStory();
    delete broken.figures['kayes-gold-share-2021'];
    expect(() => chartTable('gold-share', broken)).toThrow('gold-share chart: figure "kayes-gold-share-2021" is missing');
  });

  it('uses interface strings for the headers', () => {
    expect(chartTable('fuel-traffic', story).columns).toEqual(['What was measured', 'Value', 'As of', 'Source']);
  });
});
