/**
 * Dates as editors write them, with their precision.
 *
 * A partial date is a string `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; its length says
 * whether it is known to the year, the month or the day.
 */
export const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export type DatePrecision = 'year' | 'month' | 'day';

/** The precision a partial date is written to. Throws on a string that is not a partial date. */
export function precisionOf(date: string): DatePrecision {
  if (!DATE_PATTERN.test(date)) throw new Error(`not a date (YYYY, YYYY-MM or YYYY-MM-DD): ${date}`);
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/** True when a partial date names a real year, month or day (no 2025-02-30, no month 13). */
export function isCalendarDate(date: string): boolean {
  if (!DATE_PATTERN.test(date)) return false;
  const [y, m = 1, d = 1] = date.split('-').map(Number);
  if (m < 1 || m > 12 || d < 1) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * The first instant (UTC) of a partial date: 2025-09 → 1 September 2025.
 * Throws on a string that is not a calendar date.
 */
export function startOf(date: string): Date {
  if (!isCalendarDate(date)) throw new Error(`not a calendar date: ${date}`);
  const [y, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * The midpoint (UTC) of a partial date's span, where a chart should place it:
 * a month sits mid-month, a year mid-year, a day at noon.
 */
export function midpointOf(date: string): Date {
  const start = startOf(date);
  const [y, m = 1] = date.split('-').map(Number);
  const end =
    precisionOf(date) === 'year'
      ? new Date(Date.UTC(y + 1, 0, 1))
      : precisionOf(date) === 'month'
        ? new Date(Date.UTC(y, m, 1))
        : new Date(start.getTime() + 86_400_000);
  return new Date((start.getTime() + end.getTime()) / 2);
}

/**
 * How sure a date is, as the source states it:
 * - `on`: the event happened on (or in) that day, month or year;
 * - `by`: it had happened no later than that date (the source gives no earlier bound);
 * - `around`: the source gives the date only approximately.
 */
export type DateQualifier = 'on' | 'by' | 'around';

/** A dated point: a partial date and how sure it is. */
export interface QualifiedDate {
  qualifier: DateQualifier;
  /** Partial date, YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
}

/**
 * One end of an era: a qualified date, or
 * - `undated` (a start no source dates: the era began at some unknown time),
 * - `ongoing` (an end that has not come: the era continues as the story closes).
 */
export type EraBound = QualifiedDate | { qualifier: 'undated' } | { qualifier: 'ongoing' };

/** `2023-12-31`, `by 2023-12-31`, `around 2013`: an optional qualifier word, then a partial date. */
export const QUALIFIED_DATE_PATTERN = /^(?:(by|around) )?(\d{4}(?:-\d{2}(?:-\d{2})?)?)$/;

/**
 * Reads a date as an editor writes it: `2023-12-31`, `by 2023-12-31`,
 * `around 2013`. Throws on any other form or on a date not in the calendar.
 */
export function parseQualifiedDate(text: string): QualifiedDate {
  const match = QUALIFIED_DATE_PATTERN.exec(text.trim());
  if (!match) throw new Error(`not a date (YYYY, YYYY-MM or YYYY-MM-DD, optionally after "by" or "around"): ${text}`);
  const [, word, date] = match;
  if (!isCalendarDate(date)) throw new Error(`this date does not exist in the calendar: ${date}`);
  return { qualifier: (word as DateQualifier | undefined) ?? 'on', date };
}

/** Reads an era bound: `undated`, `ongoing`, or a qualified date (see `parseQualifiedDate`). */
export function parseEraBound(text: string): EraBound {
  const t = text.trim();
  if (t === 'undated' || t === 'ongoing') return { qualifier: t };
  return parseQualifiedDate(t);
}

/** The partial date of a bound, or undefined for `undated` and `ongoing`. */
export function boundDate(bound: EraBound): string | undefined {
  return 'date' in bound ? bound.date : undefined;
}
