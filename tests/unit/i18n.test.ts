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
    expect(formatValue({ value: 80, unit: 'percent' }, 'fr')).toBe('80\u00a0%');
  });
});

describe('dates', () => {
  test('are written at their precision', () => {
    expect(formatDate('2025-09-14', 'en')).toBe('14 September 2025');
    expect(formatDate('2025-09', 'en')).toBe('September 2025');
    expect(formatDate('2012', 'en')).toBe('2012');
    expect(formatDate('2025-09-14', 'fr')).toBe('14 septembre 2025');
  });
  test('ranges are shortened by Intl', () => {
    expect(formatDateRange('2025-10-27', '2025-11-09', 'en')).toMatch(/^27 October\s–\s9 November 2025$/);
  });
});

describe('interface strings', () => {
  test('fill placeholders and fall back to English', () => {
    expect(t('en', 'nav.position', { n: 3, total: 30 })).toBe('Step 3 of 30');
    expect(t('fr', 'nav.position', { n: 3, total: 30 })).toBe('Étape 3 sur 30');
    expect(t('fr', 'map.explore')).toBe('Explore the map');
  });
  test('an unknown key or a missing value throws', () => {
    expect(() => t('en', 'no.such.key')).toThrow(/unknown interface string/);
    expect(() => t('en', 'nav.position', { n: 1 })).toThrow(/\{total\}/);
  });
});
