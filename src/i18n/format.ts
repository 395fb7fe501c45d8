/**
 * Numbers, figures and dates for display, through `Intl`, in the page's locale.
 * Charts, MDX components and tables all format through here, so the French
 * edition only has to pass another locale.
 */
import type { FigureData } from '../story/types';
import { precisionOf, startOf, type EraBound, type QualifiedDate } from '../content/dates';
import { INTL_TAG, type Locale } from './locales';
import { t } from './ui';
import { PERCENT_SPACE } from './d3-locale';

/** A plain number ("1,400"), grouped for the locale. */
export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(INTL_TAG[locale], options).format(value);
}

/** A bare number in a figure's unit: "80%", "$1.4 billion", "66.5 tonnes", "1,400 km", "21 days", "100". */
function inUnit(value: number, unit: FigureData['unit'], locale: Locale): string {
  const tag = INTL_TAG[locale];
  switch (unit) {
    case 'percent':
      // French sets a narrow no-break space before "%" (« 80 % »); CLDR gives a full one.
      return new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 })
        .format(value / 100)
        .replace(/[\u00a0\u202f ]%/, `${PERCENT_SPACE[locale]}%`);
    case 'usd':
      return t(locale, 'unit.usd', {
        value: new Intl.NumberFormat(tag, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 }).format(value),
      });
    case 'tonnes':
      return t(locale, 'unit.tonnes', { value: formatNumber(value, locale) });
    case 'km':
      return t(locale, 'unit.km', { value: formatNumber(value, locale) });
    case 'days':
      return t(locale, 'unit.days', { value: formatNumber(value, locale) });
    case 'count':
      return formatNumber(value, locale);
  }
}

/**
 * A figure's value in its unit, without qualifier: "100", "80%", "$1.4 billion",
 * "66.5 tonnes", "1,400 km", and for a range "160,000–200,000 tonnes".
 */
export function formatValue(figure: Pick<FigureData, 'value' | 'unit'> & { upper?: number }, locale: Locale): string {
  if (figure.upper === undefined) return inUnit(figure.value, figure.unit, locale);
  // A range: the unit is written once, after the upper end.
  const low = formatNumber(figure.value, locale);
  return t(locale, 'range', { low, high: inUnit(figure.upper, figure.unit, locale) });
}

/**
 * A figure as a reader should read it, qualifier included:
 * "about 100", "more than 100", "at least 40", "51".
 */
export function formatFigure(figure: Pick<FigureData, 'value' | 'unit' | 'estimate'> & { upper?: number }, locale: Locale): string {
  const value = formatValue(figure, locale);
  return figure.estimate === 'exact' ? value : t(locale, `estimate.${figure.estimate}`, { value });
}

/**
 * A figure with what it counts, as prose prints it: "about 100 tanker trucks",
 * "at least 40 fuel tankers", "about 80%" (units other than counts carry
 * their own word or sign), so a number never stands bare before its source marker.
 */
export function formatFigureInProse(figure: Pick<FigureData, 'value' | 'unit' | 'estimate' | 'counts'> & { upper?: number }, locale: Locale): string {
  // Newsroom style: a count from one to nine is spelled out in prose ("six lorry drivers").
  const spelled = figure.unit === 'count' && figure.upper === undefined && Number.isInteger(figure.value) && figure.value >= 1 && figure.value <= 9;
  const text = spelled
    ? figure.estimate === 'exact'
      ? t(locale, `number.${figure.value}`)
      : t(locale, `estimate.${figure.estimate}`, { value: t(locale, `number.${figure.value}`) })
    : formatFigure(figure, locale);
  return figure.unit === 'count' && figure.counts ? t(locale, 'figure.withCounts', { figure: text, counts: figure.counts }) : text;
}

/** French writes the first day of a month as an ordinal: « 1er avril 2012 ». */
function frenchOrdinals(text: string, locale: Locale): string {
  return locale === 'fr' ? text.replace(/(^|[^\d])1 (?=\p{L})/gu, '$11er ') : text;
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
  return frenchOrdinals(new Intl.DateTimeFormat(INTL_TAG[locale], { ...options, timeZone: 'UTC' }).format(startOf(date)), locale);
}

/**
 * A month for a tight axis: its short name, with the year when `withYear`
 * ("Sept 2025", "Oct"; French "sept. 2025", "oct."). `date` is a partial date
 * of month or day precision. Throws on a string that is not a calendar date.
 */
export function formatMonthShort(date: string, locale: Locale, withYear: boolean): string {
  const options: Intl.DateTimeFormatOptions = withYear ? { month: 'short', year: 'numeric' } : { month: 'short' };
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
  return frenchOrdinals(
    new Intl.DateTimeFormat(INTL_TAG[locale], { ...options, timeZone: 'UTC' }).formatRange(startOf(start), startOf(end)),
    locale,
  );
}

/**
 * A qualified date for readers: "31 December 2023", "by 31 December 2023",
 * "around 2013". Throws on a date that is not in the calendar.
 */
export function formatQualifiedDate(date: QualifiedDate, locale: Locale): string {
  const formatted = formatDate(date.date, locale);
  return date.qualifier === 'on' ? formatted : t(locale, `date.${date.qualifier}`, { date: formatted });
}

/** An era's bound for readers: a qualified date, "date unknown" or "continuing". */
export function formatEraBound(bound: EraBound, locale: Locale): string {
  if (bound.qualifier === 'undated') return t(locale, 'date.undated');
  if (bound.qualifier === 'ongoing') return t(locale, 'date.ongoing');
  return formatQualifiedDate(bound, locale);
}

/** An era's span for readers: "2012–2013", "by December 2021 – continuing", "date unknown – by September 2025". */
export function formatEraSpan(start: EraBound, end: EraBound, locale: Locale): string {
  if (start.qualifier !== 'on' || end.qualifier !== 'on' || !('date' in start) || !('date' in end)) {
    return t(locale, 'span', { from: formatEraBound(start, locale), to: formatEraBound(end, locale) });
  }
  return formatDateRange(start.date, end.date, locale);
}

const SHORT: Record<'day' | 'month' | 'year', Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'short', year: 'numeric' },
  month: { month: 'short', year: 'numeric' },
  year: { year: 'numeric' },
};

/**
 * A partial date at its own precision with a short month, for map notes:
 * "6 Dec 2025", "Sept 2025", "2012". Throws on a string that is not a calendar date.
 */
export function formatShortDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { ...SHORT[precisionOf(date)], timeZone: 'UTC' }).format(startOf(date));
}

/** A span of two partial dates with short months, for map notes: "30 Mar – 1 Apr 2012". */
export function formatShortDateRange(start: string, end: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { ...SHORT[precisionOf(start)], timeZone: 'UTC' }).formatRange(
    startOf(start),
    startOf(end),
  );
}
