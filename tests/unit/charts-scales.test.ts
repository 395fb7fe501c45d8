/**
 * Scales, ticks and text wrapping (the palette has its own test: charts-palette.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { countScale, fitLinearTicks, tickAnchor, ticksFit, timeScale, timeTicks, FONT_SMALL } from '../../src/charts/scales';
import { timelineDomain } from '../../src/charts/data/timeline';
import { approximateMeasure, wrapText, widestLine } from '../../src/charts/text';
import { waffleOutline } from '../../src/charts/gold-share';
import { formatNumber } from '../../src/i18n/format';

const m = approximateMeasure;

describe('count scale', () => {
  it('starts at zero and leaves room beyond the largest value for an open end', () => {
    const x = countScale(100, 300);
    expect(x.domain()[0]).toBe(0);
    expect(x.domain()[1]).toBeGreaterThanOrEqual(125);
    expect(x(0)).toBe(0);
    expect(x(x.domain()[1])).toBe(300);
    expect(x(100)).toBeLessThan(300 * 0.8 + 1);
  });

  it('picks as many ticks as fit without overlapping, fewer on a phone', () => {
    const fmt = (v: number) => formatNumber(v, 'en');
    const narrow = fitLinearTicks(countScale(100, 280), fmt, m);
    const wide = fitLinearTicks(countScale(100, 1200), fmt, m);
    expect(narrow.length).toBeGreaterThanOrEqual(2);
    expect(wide.length).toBeGreaterThan(narrow.length);
    const x = countScale(100, 280);
    expect(ticksFit(narrow.map((v) => ({ x: x(v), label: fmt(v) })), m, 280)).toBe(true);
  });

  it('keeps long labels inside the chart at its edges', () => {
    expect(tickAnchor(0, 40, 300)).toBe('start');
    expect(tickAnchor(300, 40, 300)).toBe('end');
    expect(tickAnchor(150, 40, 300)).toBe('middle');
    const usd = fitLinearTicks(countScale(1.4e9, 290), (v) => `$${v / 1e9} billion`, m);
    expect(usd.length).toBeGreaterThanOrEqual(2);
  });
});

describe('time scale', () => {
  it('maps 2012 to December 2025 onto the width, and zooms to September–December 2025', () => {
    const all = timeScale(timelineDomain('all'), 1400);
    expect(all(new Date(Date.UTC(2012, 0, 1)))).toBe(0);
    expect(all(new Date(Date.UTC(2026, 0, 1)))).toBe(1400);
    const zoom = timeScale(timelineDomain('blockade'), 400);
    expect(zoom(new Date(Date.UTC(2025, 8, 1)))).toBe(0);
    expect(zoom(new Date(Date.UTC(2025, 10, 1)))).toBeCloseTo((61 / 122) * 400, 5);
  });

  it('labels years, thinned to fit a phone, and months when zoomed', () => {
    const wide = timeTicks(timeScale(timelineDomain('all'), 1200), 'en', m);
    expect(wide).toHaveLength(14);
    expect(wide.every((d) => d.labelled)).toBe(true);
    expect(wide[0].label).toBe('2012');
    const narrow = timeTicks(timeScale(timelineDomain('all'), 300), 'en', m);
    const shown = narrow.filter((d) => d.labelled);
    expect(shown.length).toBeLessThan(14);
    expect(shown[0].label).toBe('2012');
    const months = timeTicks(timeScale(timelineDomain('blockade'), 300), 'en', m);
    // Short months, the year on the first: every month fits a phone.
    expect(months.map((d) => d.label)).toEqual(['Sept 2025', 'Oct', 'Nov', 'Dec']);
    expect(months.every((d) => d.labelled)).toBe(true);
  });

  it('formats tick labels for the locale', () => {
    const fr = timeTicks(timeScale(timelineDomain('blockade'), 800), 'fr', m);
    expect(fr[0].label).toBe('sept. 2025');
  });
});

describe('text wrapping', () => {
  it('wraps at spaces so no line is wider than asked', () => {
    const lines = wrapText('Alliance of Sahel States and the break with ECOWAS', 150, m, 14);
    expect(lines.length).toBeGreaterThan(1);
    expect(widestLine(lines, m, 14)).toBeLessThanOrEqual(150);
    expect(lines.join(' ')).toBe('Alliance of Sahel States and the break with ECOWAS');
  });

  it('splits a word too long for the line', () => {
    const lines = wrapText('Supercalifragilisticexpialidocious', 60, m, 14);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(m(line, 14)).toBeLessThanOrEqual(60);
  });

  it('never sets text below 12 px', () => {
    expect(FONT_SMALL).toBeGreaterThanOrEqual(12);
  });
});

describe('waffle outline', () => {
  it('traces the filled block of a 10 × 10 grid filled column by column', () => {
    expect(waffleOutline(80, 10)).toBe('M0,0 H80 V100 H0 Z');
    expect(waffleOutline(77, 10)).toBe('M0,0 H80 V70 H70 V100 H0 Z');
    expect(waffleOutline(0, 10)).toBe('');
  });
});
