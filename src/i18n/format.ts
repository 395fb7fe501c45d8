/**
 * Numbers, figures and dates for display, through `Intl`, in the page's locale.
 * Charts, MDX components and tables all format through here, so the French
 * edition only has to pass another locale.
 */
import type { FigureData } from '../story/types';
import { precisionOf, startOf } from '../content/dates';
import { INTL_TAG, type Locale } from './locales';
import { t } from './ui';

/** A plain number ("1,400"), grouped for the locale. */
export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(INTL_TAG[locale], options).format(value);
}

/** A figure's value in its unit, without qualifier: "100", "80%", "$1.4 billion", "66.5 tonnes". */
export function formatValue(figure: Pick<FigureData, 'value' | 'unit'>, locale: Locale): string {
  const tag = INTL_TAG[locale];
  switch (figure.unit) {
    case 'percent':
      return new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }).format(figure.value / 100);
    case 'usd':
      return t(locale, 'unit.usd', {
        value: new Intl.NumberFormat(tag, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 }).format(
          figure.value,
        ),
      });
    case 'tonnes':
      return `${formatNumber(figure.value, locale)} ${t(locale, 'unit.tonnes')}`;
    case 'count':
      return formatNumber(figure.value, locale);
  }
}

/**
 * A figure as a reader should read it, qualifier included:
 * "about 100", "more than 100", "at least 40", "51".
 */
export function formatFigure(figure: Pick<FigureData, 'value' | 'unit' | 'estimate'>, locale: Locale): string {
  const value = formatValue(figure, locale);
  return figure.estimate === 'exact' ? value : t(locale, `estimate.${figure.estimate}`, { value });
}

/**
 * A partial date at its own precision: "14 September 2025", "September 2025", "2012".
 * Throws on a string that is not a calendar date.
 */
export function formatDate(date: string, locale: Locale): string {
  const precision = precisionOf(date);
  const options: Intl.DateTimeFormatOptions =
    precision === 'day'
      ? { day: 'numeric', month: 'long', year: 'numeric' }
      : precision === 'month'
        ? { month: 'long', year: 'numeric' }
        : { year: 'numeric' };
  return new Intl.DateTimeFormat(INTL_TAG[locale], { ...options, timeZone: 'UTC' }).format(startOf(date));
}

/** A span of two partial dates: "27 October – 9 November 2025". */
export function formatDateRange(start: string, end: string, locale: Locale): string {
  const precision = precisionOf(start);
  const options: Intl.DateTimeFormatOptions =
    precision === 'day'
      ? { day: 'numeric', month: 'long', year: 'numeric' }
      : precision === 'month'
        ? { month: 'long', year: 'numeric' }
        : { year: 'numeric' };
  return new Intl.DateTimeFormat(INTL_TAG[locale], { ...options, timeZone: 'UTC' }).formatRange(
    startOf(start),
    startOf(end),
  );
}
