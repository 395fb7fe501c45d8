/**
 * How the charts lay out labels and marks, as pure geometry: labels never
 * overlap or cross each other's leaders, eras keep their labels beside their
 * own bars, dense marks are grouped, qualifiers are drawn as fades and
 * arrows, values sit at their bar's end, and the source line fits.
 */
import { describe, expect, it } from 'vitest';
import { clusters, packRows, placeLabels, type LabelItem, type RowItem } from '../../src/charts/label-layout';
import { approximateMeasure, wrapText, widestLine } from '../../src/charts/text';
import { currentEra, eraGeometry, eventGeometry, periodLanes } from '../../src/charts/timeline';
import { deriveTimeline, inRange, timelineDomain } from '../../src/charts/data/timeline';
import { timeScale } from '../../src/charts/scales';
import { valuePlacement } from '../../src/charts/marks';
import { sourceLine } from '../../src/charts/frame';
import { TEXT } from '../../src/charts/palette';
import { story } from './fixtures/story';

const m = approximateMeasure;
const gapBetween = (a0: number, a1: number, b0: number, b1: number) => Math.max(b0 - a1, a0 - b1);

describe('labels above a strip of marks', () => {
  const items: LabelItem[] = [
    { id: 'a', anchors: [12], width: 129, height: 18 },
    { id: 'b', anchors: [66], width: 118, height: 18 },
    { id: 'c', anchors: [200, 212], width: 50, height: 18 },
    { id: 'd', anchors: [230], width: 140, height: 36 },
    { id: 'e', anchors: [310], width: 70, height: 18 },
  ];
  const { placed, height } = placeLabels(items, 321);

  it('keeps every label inside the chart, holding its leader', () => {
    expect(placed.map((p) => p.id)).toEqual(items.map((i) => i.id));
    for (const p of placed) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x + p.width).toBeLessThanOrEqual(321);
      expect(p.leaderX).toBeGreaterThanOrEqual(p.x);
      expect(p.leaderX).toBeLessThanOrEqual(p.x + p.width);
    }
    expect(height).toBe(Math.max(...placed.map((p) => p.y + p.height)));
  });

  it('never overlaps two labels, and no leader crosses a label below it', () => {
    for (const p of placed) {
      for (const q of placed) {
        if (p === q) continue;
        const apartX = gapBetween(p.x, p.x + p.width, q.x, q.x + q.width) >= 8;
        const apartY = gapBetween(p.y, p.y + p.height, q.y, q.y + q.height) >= 1;
        expect(apartX || apartY, `${p.id} / ${q.id}`).toBe(true);
        if (q.y < p.y) expect(p.leaderX < q.x - 2 || p.leaderX > q.x + q.width + 2, `${p.id}'s leader crosses ${q.id}`).toBe(true);
      }
    }
  });

  it('places a label above another only when it must: a lone label sits on the strip', () => {
    expect(placeLabels([{ id: 'x', anchors: [100], width: 60, height: 18 }], 321).placed[0].y).toBe(0);
  });
});

describe('era rows', () => {
  const item = (id: string, x0: number, x1: number, text: string): RowItem => ({
    id,
    x0,
    x1,
    solid0: x0,
    solid1: x1,
    wrap: (w) => {
      const lines = wrapText(text, w, m, 14);
      return { lines, width: widestLine(lines, m, 14) };
    },
  });
  const eras = [
    item('long', 0, 316, 'The insurgency spreads south'),
    item('early', 0, 23, 'Rebellion, coup and French intervention'),
    item('short', 197, 214, 'Two coups'),
    item('late', 229, 321, 'Russian forces (Wagner, then Africa Corps)'),
  ];

  it('labels each bar beside or on itself, never away from it', () => {
    // Thick bars: a label beside its bar always makes the lower row.
    const { items } = packRows(eras, 360, { pack: false, line: 16, bar: 30 });
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(byId.long.position).toBe('on');
    expect(byId.early.position).toBe('right');
    expect(byId.early.labelX).toBeGreaterThanOrEqual(23);
    expect(byId.late.position).toBe('left');
    expect(byId.late.labelX + byId.late.labelWidth).toBeLessThanOrEqual(229);
    for (const i of items) {
      expect(i.labelX).toBeGreaterThanOrEqual(0);
      expect(i.labelX + i.labelWidth).toBeLessThanOrEqual(360);
    }
    expect(new Set(items.map((i) => i.row)).size).toBe(4);
  });

  it('packs eras into fewer rows when asked, without overlapping bars or labels', () => {
    const few = [item('a', 0, 23, 'Rebellion'), item('b', 197, 214, 'Two coups'), item('c', 229, 321, 'Russian forces')];
    const packed = packRows(few, 360, { pack: true, line: 16, bar: 30 });
    expect(packed.rowHeights.length).toBe(2);
    expect(packed.items[0].row).toBe(packed.items[1].row);
    const spans = packed.items.map((p, i) => ({ row: p.row, a: Math.min(few[i].x0, p.labelX), b: Math.max(few[i].x1, p.labelX + p.labelWidth) }));
    for (const s of spans) for (const t of spans) if (s !== t && s.row === t.row) expect(gapBetween(s.a, s.b, t.a, t.b)).toBeGreaterThanOrEqual(10);
  });

  it('wraps a label to as few lines as fit beside its bar, balanced', () => {
    const { items } = packRows([item('late', 229, 321, 'Russian forces (Wagner, then Africa Corps)')], 340, { pack: false, line: 16, bar: 30 });
    expect(items[0].position).toBe('left');
    expect(items[0].lines.length).toBe(2);
    expect(items[0].lines.join(' ')).toBe('Russian forces (Wagner, then Africa Corps)');
    const [a, b] = items[0].lines.map((l) => m(l, 14));
    expect(Math.abs(a - b)).toBeLessThan(Math.max(a, b) * 0.6);
  });

  it('sets a label on one line right above its bar when that makes a lower row than two lines beside it', () => {
    const { items, rowHeights } = packRows([item('late', 229, 321, 'Russian forces (Wagner, then Africa Corps)')], 340, { pack: false, line: 16, bar: 6 });
    expect(items[0].position).toBe('above');
    expect(items[0].lines).toHaveLength(1);
    expect(rowHeights[0]).toBe(16 + 6 + 2);
  });
});

describe('dense marks', () => {
  it('groups marks closer than the gap', () => {
    expect(clusters([0, 1, 2, 10, 20, 21], 4)).toEqual([
      [0, 2],
      [3, 3],
      [4, 5],
    ]);
  });
});

describe('timeline geometry', () => {
  const data = deriveTimeline(story);
  const era = (id: string) => data.eras.find((e) => e.id === id)!;

  it('fades in an undated start from the left, with no hard edge', () => {
    const x = timeScale(timelineDomain('all'), 400);
    const g = eraGeometry(era('insurgency-spreads'), x, 400);
    expect(g.lead0).toBe(0);
    expect(g.solid0).toBeGreaterThan(g.lead0);
  });

  it('draws a "by" start as a faded lead-in before its date, and an ongoing end as an arrow', () => {
    const x = timeScale(timelineDomain('all'), 400);
    const g = eraGeometry(era('russian-forces'), x, 400);
    expect(g.solid0).toBeCloseTo(x(era('russian-forces').start), 5);
    expect(g.lead0).toBeLessThan(g.solid0);
    expect(g.arrow).toBe(true);
    const coups = eraGeometry(era('coups'), x, 400);
    expect([coups.lead0, coups.arrow]).toEqual([coups.solid0, false]);
  });

  it('fades out an end known only as "by" a date, ending at that date', () => {
    const x = timeScale(timelineDomain('all'), 400);
    const g = eraGeometry(era('insurgency-spreads'), x, 400);
    expect(g.tail1).toBeCloseTo(x(era('insurgency-spreads').end), 5);
    expect(g.solid1).toBeLessThan(g.tail1);
  });

  it('colours one era: the shortest that holds the highlighted event', () => {
    const event = (id: string) => data.events.find((e) => e.id === id)!;
    expect(currentEra(data.eras, event('wagner-deployment-condemned'))?.id).toBe('russian-forces');
    expect(currentEra(data.eras, event('coup-2020'))?.id).toBe('coups');
    expect(currentEra(data.eras, event('jnim-founded'))?.id).toBe('insurgency-spreads');
    expect(currentEra(data.eras, event('bamako-fuel-queues'))?.id).toBe('blockade');
  });

  it('draws a month as a bracket only when it is wide enough, else as a tick', () => {
    const visible = new Set(inRange(data, 'blockade').events.map((e) => e.id));
    const zoomed = eventGeometry(data.events, timeScale(timelineDomain('blockade'), 600), visible);
    expect(zoomed.find((g) => g.event.id === 'senegalese-drivers-kidnapped')!.asTick).toBe(false);
    const all = eventGeometry(data.events, timeScale(timelineDomain('all'), 320), new Set(data.events.map((e) => e.id)));
    expect(all.find((g) => g.event.id === 'senegalese-drivers-kidnapped')!.asTick).toBe(true);
    expect(periodLanes([]).size).toBe(0);
  });
});

describe('values at the end of their bars', () => {
  it('writes the value after the bar when it fits, else inside it at its end, else above', () => {
    expect(valuePlacement({ end: 100, open: 0, estimate: 'exact' }, 30, 320)).toMatchObject({ position: 'after', x: 106, anchor: 'start', fill: TEXT.ink });
    expect(valuePlacement({ end: 250, open: 20, estimate: 'more-than' }, 100, 320)).toMatchObject({ position: 'inside', x: 244, anchor: 'end', fill: TEXT.onDark });
    expect(valuePlacement({ end: 250, open: 0, estimate: 'approximate' }, 100, 320).fill).toBe(TEXT.ink);
    expect(valuePlacement({ end: 40, open: 0, estimate: 'exact' }, 300, 320).position).toBe('above');
  });
});

describe('source line', () => {
  const outlets = ['AFP', 'Reuters', 'France 24', 'Associated Press', 'Africanews', 'ECOWAS', 'RFI', 'BBC News', 'Le Monde'];
  it('names every outlet when they fit, with the as-of date', () => {
    expect(sourceLine(['Reuters'], '14 September 2025', 'en', 600, m)).toBe('Source: Reuters · as of 14 September 2025');
    expect(sourceLine(['AP', 'AFP'], '', 'en', 600, m)).toBe('Sources: AP, AFP');
  });
  it('names the first outlets and counts the rest when the line would be long', () => {
    const line = sourceLine(outlets, '6 December 2025', 'en', 220, m);
    expect(line).toMatch(/^Sources: AFP(, .*)? and \d+ more \(see table\) · as of 6 December 2025$/);
    expect(wrapText(line, 220, m, 12).length).toBeLessThanOrEqual(2);
  });
});
