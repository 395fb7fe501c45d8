/**
 * The graphics' palette: every text colour reads at 4.5:1 and every mark at
 * 3:1 against each ground it is drawn on (WCAG 1.4.3 and 1.4.11).
 */
import { describe, expect, it } from 'vitest';
import { ACCENT, contrastRatio, GREY, GROUND, INK, WATER } from '../../src/design/tokens';

const grounds = Object.entries(GROUND);
const texts: [string, string][] = [
  ['ink', INK.ink],
  ['muted', INK.muted],
  ['accent', ACCENT.mark],
  ['accent text', ACCENT.text],
];
const marks: [string, string][] = [...texts, ['context', GREY.context], ['river', WATER.river]];

describe('design tokens', () => {
  it.each(texts.flatMap(([name, c]) => grounds.map(([g, bg]) => [name, g, c, bg])))('%s text on %s reads at 4.5:1', (_, __, c, bg) => {
    expect(contrastRatio(c, bg)).toBeGreaterThanOrEqual(4.5);
  });
  it.each(marks.flatMap(([name, c]) => grounds.map(([g, bg]) => [name, g, c, bg])))('%s mark on %s stands at 3:1', (_, __, c, bg) => {
    expect(contrastRatio(c, bg)).toBeGreaterThanOrEqual(3);
  });
  it('accent text reads on the accent tint, and water labels on the sea', () => {
    expect(contrastRatio(ACCENT.text, ACCENT.tint)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(WATER.label, WATER.sea)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(INK.ink, WATER.sea)).toBeGreaterThanOrEqual(4.5);
  });
  it('blue is water only: no other token is blue', () => {
    const isBlue = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      return b > r + 30 && b > g;
    };
    const others = { ...GROUND, ...INK, ...GREY, ...ACCENT };
    expect(Object.entries(others).filter(([, c]) => isBlue(c))).toEqual([]);
  });
});
