/** Interface strings and Intl formatting of figures and dates. */
import { describe, expect, test } from 'vitest';
import { formatDate, formatDateRange, formatFigure, formatValue } from '../../src/i18n/format';
import { t } from '../../src/i18n/ui';

describe('figures', () => {
  test('carry their qualifier', () => {
    expect(formatFigure({ value: 100, unit: 'count', estimate: 'approximate' }, 'en')).toBe('about 100');
    expect(formatFigure({ value: 100, unit: 'count', estimate: 'more-than' }, 'en')).toBe('more than 100');
    expect(formatFigure({ value: 40, unit: 'count', estimate: 'at-least' }, 'en')).toBe('at least 40');
    expect(formatFigure({ value: 51, unit: 'count', estimate: 'exact' }, 'en')).toBe('51');
    expect(formatFigure({ value: 40, unit: 'count', estimate: 'at-least' }, 'fr')).toBe('au moins 40');
  });
  test('are formatted in their unit for the locale', () => {
    expect(formatValue({ value: 80, unit: 'percent' }, 'en')).toBe('80%');
    expect(formatValue({ value: 1_400_000_000, unit: 'usd' }, 'en')).toBe('$1.4 billion');
    expect(formatValue({ value: 66.5, unit: 'tonnes' }, 'en')).toBe('66.5 tonnes');
    // French: a narrow no-break space before % (« 80 % »), grouping with the same space, a decimal comma.
    expect(formatValue({ value: 80, unit: 'percent' }, 'fr')).toBe('80\u202f%');
    expect(formatValue({ value: 1_400_000_000, unit: 'usd' }, 'fr')).toBe('1,4 milliard de dollars');
    expect(formatValue({ value: 1400, unit: 'km' }, 'fr')).toBe('1\u202f400 km');
    expect(formatValue({ value: 66.5, unit: 'tonnes' }, 'fr')).toBe('66,5 tonnes');
  });
});

describe('D3 speaks the page’s locale', () => {
  test('numbers, percentages and ticks match Intl', async () => {
    // D3's `format` is a live binding that formatDefaultLocale replaces: read it through the module.
    const d3 = await import('d3-format');
    const { scaleLinear } = await import('d3-scale');
    const { applyD3Locale } = await import('../../src/i18n/d3-locale');
    applyD3Locale('fr');
    expect(d3.format(',.1f')(1400.5)).toBe('1\u202f400,5');
    expect(d3.format('.0%')(0.8)).toBe(formatValue({ value: 80, unit: 'percent' }, 'fr'));
    expect(scaleLinear().domain([0, 1500]).tickFormat(5)(1000)).toBe('1\u202f000');
    applyD3Locale('en');
    expect(d3.format(',.1f')(1400.5)).toBe('1,400.5');
    expect(d3.format('.0%')(0.8)).toBe('80%');
  });
  test('month names are the locale’s', async () => {
    const d3 = await import('d3-time-format');
    const { applyD3Locale } = await import('../../src/i18n/d3-locale');
    applyD3Locale('fr');
    expect(d3.timeFormat('%B %Y')(new Date(2025, 8, 14))).toBe('septembre 2025');
    applyD3Locale('en');
    expect(d3.timeFormat('%B %Y')(new Date(2025, 8, 14))).toBe('September 2025');
  });
});

describe('dates', () => {
  test('are written at their precision', () => {
    expect(formatDate('2025-09-14', 'en')).toBe('14 September 2025');
    expect(formatDate('2025-09', 'en')).toBe('September 2025');
    expect(formatDate('2012', 'en')).toBe('2012');
    expect(formatDate('2025-09-14', 'fr')).toBe('14 septembre 2025');
    // French ordinal for the first of the month, in dates and ranges.
    expect(formatDate('2012-04-01', 'fr')).toBe('1er avril 2012');
    expect(formatDateRange('2012-03-30', '2012-04-01', 'fr').replace(/\s/g, ' ')).toBe('30 mars – 1er avril 2012');
    expect(formatDate('2025-12-01', 'en')).toBe('1 December 2025');
  });
  test('ranges are shortened by Intl', () => {
    expect(formatDateRange('2025-10-27', '2025-11-09', 'en')).toMatch(/^27 October\s–\s9 November 2025$/);
  });
});

describe('interface strings', () => {
  test('fill placeholders in each language', () => {
    expect(t('en', 'nav.position', { n: 3, total: 30 })).toBe('Step 3 of 30');
    expect(t('fr', 'nav.position', { n: 3, total: 30 })).toBe('Étape 3 sur 30');
    expect(t('fr', 'map.explore')).toBe('Explorer la carte');
  });
  test('an unknown key or a missing value throws', () => {
    expect(() => t('en', 'no.such.key')).toThrow(/unknown interface string/);
    expect(() => t('en', 'nav.position', { n: 1 })).toThrow(/\{total\}/);
  });
});
