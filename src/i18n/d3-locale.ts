/**
 * D3 formats numbers and dates with its own defaults (US English: "1,400.5",
 * "80%", "September"), whatever the page's language. This module sets D3's
 * default number and time locales from the same `Intl` data the rest of the
 * site uses (format.ts), so a chart axis, a label and the prose agree on the
 * decimal sign, the thousands separator and the percent spacing.
 */
import { formatDefaultLocale, type FormatLocaleDefinition } from 'd3-format';
import { timeFormatDefaultLocale, type TimeLocaleDefinition } from 'd3-time-format';
import { INTL_TAG, type Locale } from './locales';

/** The space French puts before "%" (U+202F, narrow no-break space), as format.ts writes it. */
export const PERCENT_SPACE: Record<Locale, string> = { en: '', fr: '\u202f' };

/** D3's number locale for `locale`: decimal sign and grouping from Intl, percent spacing from PERCENT_SPACE. */
export function numberLocale(locale: Locale): FormatLocaleDefinition {
  const parts = new Intl.NumberFormat(INTL_TAG[locale]).formatToParts(1234567.5);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    decimal: part('decimal'),
    thousands: part('group'),
    grouping: [3],
    currency: locale === 'fr' ? ['', '\u00a0$'] : ['$', ''],
    percent: `${PERCENT_SPACE[locale]}%`,
    minus: '\u2212',
  };
}

/** D3's time locale for `locale`: month and weekday names and date patterns from Intl. */
export function timeLocale(locale: Locale): TimeLocaleDefinition {
  const tag = INTL_TAG[locale];
  const utc = (month: number, day = 1) => new Date(Date.UTC(2023, month, day));
  const names = (options: Intl.DateTimeFormatOptions, dates: Date[]) =>
    dates.map((d) => new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }).format(d));
  const months = Array.from({ length: 12 }, (_, m) => utc(m));
  // 1 January 2023 was a Sunday: D3 lists days from Sunday.
  const days = Array.from({ length: 7 }, (_, d) => utc(0, 1 + d));
  const tuple = <T>(a: T[]) => a as unknown as [T, T, T, T, T, T, T];
  return {
    dateTime: '%x, %X',
    date: locale === 'fr' ? '%d/%m/%Y' : '%d/%m/%Y',
    time: '%H:%M:%S',
    periods: ['AM', 'PM'],
    days: tuple(names({ weekday: 'long' }, days)),
    shortDays: tuple(names({ weekday: 'short' }, days)),
    months: names({ month: 'long' }, months) as TimeLocaleDefinition['months'],
    shortMonths: names({ month: 'short' }, months) as TimeLocaleDefinition['shortMonths'],
  };
}

/** Sets D3's default number and time formatting to `locale`. Call before drawing a chart. */
export function applyD3Locale(locale: Locale): void {
  formatDefaultLocale(numberLocale(locale));
  timeFormatDefaultLocale(timeLocale(locale));
}
