/**
 * Label placement for charts with many marks along one axis (the timeline,
 * the October–November strip): pure geometry on pixel boxes, so it is
 * unit-tested without a browser.
 *
 *  - `placeLabels` stacks labels above a strip of marks, each as low as it can
 *    go without touching another label or another label's leader line;
 *  - `packRows` puts bars with their labels into as few rows as possible,
 *    each label beside (or on) its own bar;
 *  - `clusters` groups marks closer than a few pixels, which a reader cannot
 *    tell apart.
 */

/** A label to place above marks at `anchors` (x, px). */
export interface LabelItem {
  id: string;
  /** x of each mark the label names (px); a label naming several marks spans them. */
  anchors: number[];
  /** Width and height of the label's box, px. */
  width: number;
  height: number;
}

/** A placed label: its box (x from the left, y up from the strip's top: 0 sits on the strip), px. */
export interface PlacedLabel extends LabelItem {
  x: number;
  y: number;
  /** x where its leader line runs down to the strip (px). */
  leaderX: number;
}

/** Horizontal room kept between two labels, and between a label and another label's leader, px. */
const LABEL_GAP = 8;
const LEADER_GAP = 3;

const overlaps = (a0: number, a1: number, b0: number, b1: number, gap: number) => a0 < b1 + gap && b0 < a1 + gap;

/** One pass of the placement in the given order; `misses` counts labels that found no clean place. */
function placeInOrder(items: LabelItem[], width: number): { placed: PlacedLabel[]; height: number; misses: number; missed: string[] } {
  const placed: PlacedLabel[] = [];
  let misses = 0;
  const missed: string[] = [];
  const midOf = (item: LabelItem) => (Math.min(...item.anchors) + Math.max(...item.anchors)) / 2;
  for (const [index, item] of items.entries()) {
    // Where the labels still to come will need to run their leaders.
    const corridors = items.slice(index + 1).map(midOf);
    const a0 = Math.min(...item.anchors);
    const a1 = Math.max(...item.anchors);
    const mid = (a0 + a1) / 2;
    const clamp = (x: number) => Math.max(0, Math.min(width - item.width, x));
    // Start at the mark, end at it, centre on it; then any place whose box still holds the leader.
    const sweep: number[] = [];
    const step = Math.max(6, item.width / 12);
    for (let x = mid - item.width + 2; x <= mid - 2; x += step) sweep.push(x);
    const xs = [...new Set([a0 - 2, a1 + 2 - item.width, mid - item.width / 2, ...sweep].map(clamp))];
    const ys = [0, ...placed.map((p) => p.y + p.height + 2)].sort((a, b) => a - b);
    let best: PlacedLabel | undefined;
    // First a place, as low as there is one, that leaves the later labels' leaders free; then any place.
    const keepsCorridors = (x: number) => corridors.every((c) => !overlaps(c, c, x, x + item.width, LEADER_GAP));
    for (const candidates of [xs.filter(keepsCorridors), xs]) {
      for (const y of ys) {
        for (const x of candidates) {
          const leaderX = Math.max(x + 1, Math.min(x + item.width - 1, mid));
          const ok = placed.every((p) => {
            const boxesMeet = overlaps(x, x + item.width, p.x, p.x + p.width, LABEL_GAP) && overlaps(y, y + item.height, p.y, p.y + p.height, 1);
            // My leader runs from the strip (0) up to my box (y); theirs from 0 to theirs.
            const myLeaderHitsThem = y > 0 && p.y < y && overlaps(leaderX, leaderX, p.x, p.x + p.width, LEADER_GAP);
            const theirLeaderHitsMe = p.y > 0 && y < p.y && overlaps(p.leaderX, p.leaderX, x, x + item.width, LEADER_GAP);
            return !boxesMeet && !myLeaderHitsThem && !theirLeaderHitsMe;
          });
          if (ok) {
            best = { ...item, x, y, leaderX };
            break;
          }
        }
        if (best) break;
      }
      if (best) break;
    }
    if (!best) {
      misses += 1;
      missed.push(item.id);
    }
    placed.push(best ?? { ...item, x: xs[0], y: Math.max(0, ...placed.map((p) => p.y + p.height + 2)), leaderX: mid });
  }
  return { placed, height: Math.max(0, ...placed.map((p) => p.y + p.height)), misses, missed };
}

/**
 * Places `items` inside `[0, width]` px, earlier items first (they get the
 * lower places). Each label sits above the strip at the lowest height where
 * its box meets no placed box (kept `LABEL_GAP` px apart) and no placed
 * leader line, and where its own leader, from the box down to the strip at
 * one of its anchors, crosses no placed box. A label starts at its mark,
 * ends at it, is centred on it, or failing those sits anywhere its box
 * still holds its leader, whichever goes lowest (ties: in that order) among
 * the places that leave the later labels' leaders free, if any do. When
 * a label finds no such place, the labels are placed again with that one
 * earlier, until every label has a clean place or no order does better; the
 * result is returned in the order of `items`. Labels wider than `width` are
 * placed at x = 0. Pure. Returns the placed labels, the height they need
 * (px), how many labels found no clean place (0 when none crosses another)
 * and which.
 */
export function placeLabels(items: LabelItem[], width: number): { placed: PlacedLabel[]; height: number; misses: number; missed: string[] } {
  let order = [...items];
  let result = placeInOrder(order, width);
  let best = result;
  for (let tries = 0; best.misses > 0 && tries < items.length; tries += 1) {
    // Move the first label whose leader crosses a label below it to the front, and place again.
    const missed = result.placed.findIndex((p) => result.placed.some((q) => q !== p && q.y < p.y && overlaps(p.leaderX, p.leaderX, q.x, q.x + q.width, LEADER_GAP)));
    if (missed <= 0) break;
    order = [order[missed], ...order.slice(0, missed), ...order.slice(missed + 1)];
    result = placeInOrder(order, width);
    if (result.misses < best.misses || (result.misses === best.misses && result.height < best.height)) best = result;
  }
  const byId = new Map(best.placed.map((p) => [p.id, p]));
  return { placed: items.map((item) => byId.get(item.id)!), height: best.height, misses: best.misses, missed: best.missed };
}

/** A bar to put in a row, with the label's possible widths. */
export interface RowItem {
  id: string;
  /** The bar's drawn extent, px (fades and arrows included). */
  x0: number;
  x1: number;
  /** Where a label may sit ON the bar (knocked out of it): the bar's solid part, px. */
  solid0: number;
  solid1: number;
  /** Wraps the label to `maxWidth` px: its lines and their widest width. */
  wrap(maxWidth: number): { lines: string[]; width: number };
}

/** Where a label sits relative to its bar. */
export type RowLabelPosition = 'on' | 'right' | 'left' | 'above';

export interface PackedItem {
  id: string;
  row: number;
  position: RowLabelPosition;
  lines: string[];
  /** Left edge of the label, px. */
  labelX: number;
  labelWidth: number;
}

export interface PackedRows {
  items: PackedItem[];
  /** Height of each row, px: its tallest label beside a bar, or a label above its bar plus the bar. */
  rowHeights: number[];
  /** For each row, whether a label sits above a bar in it (the bar then sits under that label). */
  rowAbove: boolean[];
}

/**
 * Puts `items` (in order) into rows within `[0, width]` px, each label next
 * to its own bar: on it when the bar's solid part is wide enough; else to its
 * right or left, wrapped to at most `maxLines` lines to fit the room there
 * (as narrow as that many lines allow); or on one line right above it —
 * whichever makes the lower row, with labels `line` px high and bars `bar`
 * px thick. With `pack`, an item joins the first earlier row where its bar
 * and label meet nothing (kept `gap` px apart) and the row does not grow;
 * without, each item gets a row. Pure.
 */
export function packRows(
  items: RowItem[],
  width: number,
  { pack, gap = 10, maxLines = 2, line = 16, bar = 6 }: { pack: boolean; gap?: number; maxLines?: number; line?: number; bar?: number },
): PackedRows {
  type Option = { position: RowLabelPosition; lines: string[]; labelX: number; labelWidth: number; span: [number, number]; height: number };
  // Wrapped labels are balanced: as narrow as their number of lines allows, so they leave room for others.
  const balanced = (item: RowItem, room: number) => {
    const base = item.wrap(room);
    if (base.lines.length < 2) return base;
    let [lo, hi] = [base.width / base.lines.length, room];
    while (hi - lo > 2) {
      const mid = (lo + hi) / 2;
      if (item.wrap(mid).lines.length <= base.lines.length) hi = mid;
      else lo = mid;
    }
    const best = item.wrap(hi);
    return best.lines.length <= base.lines.length ? best : base;
  };
  const beside = (lines: number) => Math.max(lines * line, bar);
  const above = (lines: number) => lines * line + bar + 2;
  const options = (item: RowItem): Option[] => {
    const out: Option[] = [];
    const one = item.wrap(Infinity);
    if (item.solid1 - item.solid0 >= one.width + 16) {
      out.push({ position: 'on', lines: one.lines, labelX: item.solid0 + 8, labelWidth: one.width, span: [item.x0, item.x1], height: beside(one.lines.length) });
    }
    for (let lines = 1; lines <= maxLines; lines += 1) {
      const right = width - (item.x1 + 6);
      const left = item.x0 - 6;
      for (const [side, room] of [['right', right], ['left', left]] as const) {
        if (room < 24) continue;
        const w = balanced(item, room);
        if (w.lines.length !== lines || w.width > room) continue;
        const labelX = side === 'right' ? item.x1 + 6 : item.x0 - 6 - w.width;
        out.push({ position: side, lines: w.lines, labelX, labelWidth: w.width, span: side === 'right' ? [item.x0, labelX + w.width] : [labelX, item.x1], height: beside(lines) });
      }
      if (out.length) break;
    }
    const w = item.wrap(width);
    if (!out.length || above(w.lines.length) < Math.min(...out.map((o) => o.height))) {
      const labelX = Math.max(0, Math.min(width - w.width, item.x0));
      out.push({ position: 'above', lines: w.lines, labelX, labelWidth: w.width, span: [Math.min(item.x0, labelX), Math.max(item.x1, labelX + w.width)], height: above(w.lines.length) });
    }
    return out;
  };

  const rows: { spans: [number, number][]; height: number; above: boolean }[] = [];
  const packed: PackedItem[] = [];
  for (const item of items) {
    const opts = options(item);
    let chosen: { row: number; option: Option } | undefined;
    if (pack) {
      for (let r = 0; r < rows.length && !chosen; r += 1) {
        const row = rows[r];
        for (const option of opts) {
          if (option.position === 'above' || row.above) continue;
          const free = row.spans.every(([s0, s1]) => !overlaps(option.span[0], option.span[1], s0, s1, gap));
          if (free && option.height <= row.height) {
            chosen = { row: r, option };
            break;
          }
        }
      }
    }
    if (!chosen) {
      // A new row: the lowest option (ties: on, beside, above).
      const option = opts.reduce((a, b) => (b.height < a.height ? b : a));
      rows.push({ spans: [], height: option.height, above: option.position === 'above' });
      chosen = { row: rows.length - 1, option };
    }
    const row = rows[chosen.row];
    row.spans.push(chosen.option.span);
    row.height = Math.max(row.height, chosen.option.height);
    const { position, lines, labelX, labelWidth } = chosen.option;
    packed.push({ id: item.id, row: chosen.row, position, lines, labelX, labelWidth });
  }
  return { items: packed, rowHeights: rows.map((r) => r.height), rowAbove: rows.map((r) => r.above) };
}

/**
 * Groups sorted positions `xs` (px) into runs whose neighbours are less than
 * `minGap` px apart: marks a reader could not tell apart. Returns the index
 * ranges `[first, last]` of each run, in order. Pure.
 */
export function clusters(xs: number[], minGap: number): [number, number][] {
  const runs: [number, number][] = [];
  xs.forEach((x, i) => {
    const last = runs.at(-1);
    if (last && x - xs[last[1]] < minGap) last[1] = i;
    else runs.push([i, i]);
  });
  return runs;
}
