/**
 * The span of time a partial date covers, for drawing it honestly: a date
 * known to the month is drawn as the whole month, never as a made-up day.
 */
import { precisionOf, startOf } from '../../content/dates';

/**
 * The first instant (UTC) AFTER the period a partial date names:
 * 2025-09 → 1 October 2025; 2025-09-14 → 15 September 2025; 2012 → 1 January 2013.
 * Throws on a string that is not a calendar date.
 */
export function endOfPeriod(date: string): Date {
  const start = startOf(date);
  const precision = precisionOf(date);
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  if (precision === 'year') return new Date(Date.UTC(y + 1, 0, 1));
  if (precision === 'month') return new Date(Date.UTC(y, m + 1, 1));
  return new Date(Date.UTC(y, m, start.getUTCDate() + 1));
}

/**
 * `[start, end)` in UTC for a partial date, or for a span from `date` to the
 * end of `end`'s own period when `end` is given (27 Oct – 9 Nov covers 9 Nov).
 * Throws when `end` comes before `date`.
 */
export function periodOf(date: string, end?: string): [Date, Date] {
  const start = startOf(date);
  const stop = endOfPeriod(end ?? date);
  if (stop <= start) throw new Error(`period ends before it starts: ${date} to ${end}`);
  return [start, stop];
}
