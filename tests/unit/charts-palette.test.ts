/**
 * The charts' palette: built from the design tokens, every pair a chart
 * draws reads (text 4.5:1, marks 3:1), no blue anywhere in the charts, and
 * no colour in src/charts/ that is not a palette colour.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKGROUND, CHART_PAIRS, contrastRatio, GRID, MARK, TEXT, TINT, tintOf } from '../../src/charts/palette';
import { ACCENT, GREY, GROUND, INK, TYPE } from '../../src/design/tokens';
import { FONT_LABEL, FONT_SMALL } from '../../src/charts/scales';

const isBlue = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return b > r + 30 && b > g;
};
const norm = (hex: string) => {
  const h = hex.toLowerCase();
  return h.length === 4 ? `#${h[1]}${h[1]}${h[2]}${h[2]}${h[3]}${h[3]}` : h;
};

describe('chart palette', () => {
  it('takes every colour from the design tokens', () => {
    const tokens = new Set(Object.values({ ...GROUND, ...INK, ...GREY, ...ACCENT }).map(norm));
    for (const colour of [BACKGROUND, GRID, ...Object.values(MARK), ...Object.values(TEXT), ...Object.values(TINT)]) {
      expect(tokens.has(norm(colour)), colour).toBe(true);
    }
  });

  it('marks attacks, the blockade and the highlighted event with the one accent, neutral data with dark grey', () => {
    expect(MARK.accent).toBe(ACCENT.mark);
    expect(MARK.neutral).toBe(INK.muted);
    expect(tintOf(MARK.accent)).toBe(ACCENT.tint);
    expect(tintOf(MARK.neutral)).toBe(GREY.fill);
  });

  it.each(CHART_PAIRS)('%s reads (%s on %s, %s)', (_, fg, bg, kind) => {
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(kind === 'text' ? 4.5 : 3);
  });

  it('has no blue', () => {
    const all = [BACKGROUND, GRID, ...Object.values(MARK), ...Object.values(TEXT), ...Object.values(TINT)];
    expect(all.filter(isBlue)).toEqual([]);
  });

  it('sets chart text in the token scale: 12 px notes and ticks, 14 px labels', () => {
    expect(FONT_SMALL).toBe(TYPE.small);
    expect(FONT_LABEL).toBe(TYPE.label);
  });
});

describe('colours written in src/charts', () => {
  // Every colour a chart module or its CSS writes must be a palette colour (or white): no stray hue, no blue.
  const dir = join(__dirname, '../../src/charts');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|css|astro)$/.test(f));
  const allowed = new Set([BACKGROUND, GRID, ...Object.values(MARK), ...Object.values(TEXT), ...Object.values(TINT)].map(norm));
  it.each(files)('%s uses palette colours only', (file) => {
    const text = readFileSync(join(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const found = [...text.matchAll(/#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b/g)].map((m) => norm(m[0]));
    expect(found.filter((c) => !allowed.has(c))).toEqual([]);
    expect(found.filter(isBlue)).toEqual([]);
  });
});
