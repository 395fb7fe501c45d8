/**
 * Timeline of Mali, 2012 to December 2025, read from top to bottom:
 *  1. labels: the step's highlighted event as an annotation (date and title,
 *     with an accent leader to its mark), and short direct labels of the key
 *     events (`TIMELINE_KEY_EVENTS`: the coups, the French intervention,
 *     Wagner condemned, the Sahel alliance, the blockade), each as low as it
 *     fits without touching another;
 *  2. the event strip: a day as a thin tick; a month (or year) wider than a
 *     few pixels as a bracket the width of that month, never a made-up day;
 *     a span (schools closed) as a bar; an event known only to have happened
 *     "by" a date as a tick with a faded lead-in; the highlighted event in
 *     the accent colour, taller;
 *  3. the time axis (years, or months when zoomed to the blockade);
 *  4. the eras as thin bars, each labelled beside (or on) its own bar, packed
 *     into fewer rows when the pane is short; the era of the highlighted
 *     event in the accent colour. A start no source dates fades in from the
 *     left with no hard edge; a start known only as "by" a date has a faded
 *     lead-in before it; an end known only as "by" a date fades out to it; an
 *     era that continues ends in an open arrow at the story's date.
 * Every event in range is focusable (one tab stop; the arrow keys, Home and
 * End move between events) and named for screen readers; hovering or
 * focusing one shows its date and title. Range `blockade` zooms into
 * September–December 2025 with a transition.
 *
 * The layout is chosen to fit the pane: generous rows when there is room,
 * packed rows and a shorter legend when there is not (`frame.budget()`).
 * Initialize once (`create`), update for each scene; data from
 * `deriveTimeline` (story.eras, story.events).
 *
 * Marks: `g.timeline-event[data-id][data-precision=day|month|year|span][data-qualifier]`
 * (`.is-highlighted`; `data-in-range`), `g.timeline-era[data-id]`
 * (`.is-current`; `data-label-position=on|right|left|above`; `data-row`;
 * `data-start`/`data-end` = the bound's qualifier), `g.timeline-highlight[data-id]`
 * (the annotation), `g.timeline-key[data-events]` (a key label),
 * `g.timeline-tick[data-labelled]`, `g.timeline-tip` (hover/focus label).
 */
import { select, pointer } from 'd3-selection';
import type { ScaleTime } from 'd3-scale';
import type { StoryData, TimelineSceneData } from '../story/types';
import { t } from '../i18n/ui';
import { createFrame, type FrameOptions, type LegendItem } from './frame';
import {
  deriveTimeline,
  describeTimeline,
  highlightedEvent,
  inRange,
  keyLabels,
  timelineDomain,
  timelineOutlets,
  type TimelineEra,
  type TimelineEvent,
} from './data/timeline';
import { FONT_LABEL, FONT_SMALL, timeScale, timeTicks, type TimeTick } from './scales';
import { wrapText, widestLine } from './text';
import { setLines } from './svg-text';
import { DURATION_MS, motion } from './motion';
import { BACKGROUND, MARK, TEXT } from './palette';
import type { ChartInstance } from './types';
import { chartInstance } from './instance';
import { clusters, packRows, placeLabels, type LabelItem, type PackedItem, type PlacedLabel } from './label-layout';

/** A label to place: the annotation, a key label or a cluster's count. */
type LabelInput = LabelItem & { text?: string; eventIds?: string[] };
type Placed = PlacedLabel & { text?: string; eventIds?: string[] };

/** The vertical rhythm of one layout, px. */
interface Density {
  name: 'full' | 'compact';
  /** Line height of 14 px labels. */
  line: number;
  /** Height of a day tick (the highlighted one is taller). */
  tick: number;
  /** Thickness of an era bar. */
  eraBar: number;
  /** Space between era rows. */
  eraGap: number;
  /** Whether eras share rows. */
  pack: boolean;
  /** Widest the annotation's title may wrap to. */
  annotationWidth: number;
}

const FULL: Density = { name: 'full', line: 18, tick: 14, eraBar: 8, eraGap: 6, pack: false, annotationWidth: 360 };
const COMPACT: Density = { name: 'compact', line: 16, tick: 11, eraBar: 6, eraGap: 3, pack: true, annotationWidth: 340 };
/** Layouts to try, richest first; the first that fits the pane is drawn. */
const ATTEMPTS: { density: Density; legend: boolean }[] = [
  { density: FULL, legend: true },
  { density: COMPACT, legend: true },
  { density: COMPACT, legend: false },
];

/** Room at the right for an era's open arrow past the story's date, px. */
const ARROW_ROOM = 9;
/** Length of a faded lead-in or fade-out, px. */
const FADE = 22;
/** Length of an event's faded lead-in ("by" a date), px. */
const EVENT_LEAD = 14;
/** Height of a lane of month brackets and spans under the ticks, px. */
const LANE = 7;
/** Marks closer than this are one cluster (px). */
const CLUSTER_GAP = 4;
const SMALL_LINE = Math.round(FONT_SMALL * 1.3);
/** Line height of the axis labels (12 px), px. */
const AXIS_LINE = 14;
/** Room between the lowest label and the strip, px. */
const LABEL_GAP_BELOW = 4;

/** An event's drawn geometry at one scale. */
interface EventGeometry {
  event: TimelineEvent;
  /** Centre x of the mark (px). */
  cx: number;
  x0: number;
  x1: number;
  /** Drawn as a tick (day, or a period too narrow to show as one). */
  asTick: boolean;
  /** Lane under the ticks for wide periods and spans (-1 for ticks). */
  lane: number;
  inRange: boolean;
}

interface EraGeometry {
  era: TimelineEra;
  current: boolean;
  /** Start and end of the solid bar, and of the fades (px). */
  solid0: number;
  solid1: number;
  lead0: number;
  tail1: number;
  arrow: boolean;
}

interface Layout {
  density: Density;
  height: number;
  labelHeight: number;
  placed: Placed[];
  /** The annotation's lines; the first starts with the date (muted) when `datePrefix`. */
  annotation?: { lines: string[]; datePrefix: boolean; dateLabel: string; width: number };
  stripY: number;
  laneCount: number;
  axisY: number;
  tickLines: Map<number, string[]>;
  erasY: number;
  eras: (EraGeometry & { packed: PackedItem; rowY: number; rowHeight: number; barY: number; labelY: number })[];
  /** How many key labels were left to their era's label. */
  delegated: number;
  /** Labels that found no place without crossing another's leader (0 in a clean layout). */
  misses: number;
  /** Whether the legend is shown with this layout. */
  legend?: boolean;
}

/**
 * Lanes for events drawn wider than a tick (months, years, spans): each goes
 * in the first lane where it does not overlap the one before. Returns the
 * lane index of each event id. Pure; by time, so stable across zooms.
 */
export function periodLanes(events: Pick<TimelineEvent, 'id' | 'start' | 'end'>[]): Map<string, number> {
  const ends: Date[] = [];
  const lanes = new Map<string, number>();
  for (const e of [...events].sort((a, b) => +a.start - +b.start)) {
    let lane = ends.findIndex((end) => end <= e.start);
    if (lane === -1) lane = ends.push(e.end) - 1;
    else ends[lane] = e.end;
    lanes.set(e.id, lane);
  }
  return lanes;
}

/** A month or span narrower than this (px) is drawn as a tick: a bracket would be a blot. */
const MIN_PERIOD = 8;

/**
 * Where each event is drawn on scale `x` (px): ticks for days and for
 * periods narrower than `MIN_PERIOD` px, lanes for the rest. Pure.
 */
export function eventGeometry(events: TimelineEvent[], x: ScaleTime<number, number>, visible: Set<string>): EventGeometry[] {
  const wide = events.filter((e) => visible.has(e.id) && (e.isSpan || e.precision !== 'day') && x(e.end) - x(e.start) >= MIN_PERIOD);
  const lanes = periodLanes(wide);
  return events.map((event) => {
    const x0 = x(event.start);
    const x1 = x(event.end);
    const lane = lanes.get(event.id) ?? -1;
    return { event, cx: (x0 + x1) / 2, x0, x1, asTick: lane < 0, lane, inRange: visible.has(event.id) };
  });
}

/**
 * Where each era's bar, fades and arrow go on scale `x` (px), clipped to
 * `[0, plotWidth]`: an undated start fades in from the range's start, a "by"
 * start fades in before its date, a "by" end fades out to its date, an
 * ongoing era ends in an arrow at the story's date. Pure.
 */
export function eraGeometry(era: TimelineEra, x: ScaleTime<number, number>, plotWidth: number): Omit<EraGeometry, 'current'> {
  const start = x(era.start);
  const end = x(era.end);
  const fadedStart = era.startQualifier === 'undated' || era.startQualifier === 'by' || era.startQualifier === 'around';
  const fadedEnd = era.endQualifier === 'by' || era.endQualifier === 'around';
  let lead0 = start;
  let solid0 = start;
  if (era.startQualifier === 'undated') solid0 = start + FADE;
  else if (fadedStart) lead0 = start - FADE;
  let solid1 = end;
  const tail1 = end;
  if (fadedEnd) solid1 = Math.max(solid0, end - FADE);
  const clip = (v: number) => Math.max(0, Math.min(plotWidth, v));
  return {
    era,
    lead0: clip(lead0),
    solid0: clip(Math.max(solid0, lead0)),
    solid1: clip(Math.max(solid1, solid0)),
    tail1: clip(tail1),
    arrow: era.endQualifier === 'ongoing' && end <= plotWidth + 0.5,
  };
}

/**
 * The era a highlighted event belongs to: of the eras whose span contains
 * it, the shortest (the most specific: Wagner's condemnation belongs to the
 * era of Russian forces, not to the years-long spread of the insurgency).
 * Undefined when no era contains it. Pure.
 */
export function currentEra(eras: TimelineEra[], event: Pick<TimelineEvent, 'start' | 'end'>): TimelineEra | undefined {
  const containing = eras.filter((era) => event.start < era.end && event.end > era.start);
  return containing.sort((a, b) => +a.end - +a.start - (+b.end - +b.start))[0];
}

/**
 * Creates the timeline in `container` (initialize once).
 * `options.available` (from the controller) gives the height in px the
 * figure may take in its pane; without it the chart takes the room it needs.
 * Throws when an era or event it needs is missing (see `deriveTimeline`), and
 * on update when a scene highlights an event the timeline lacks.
 */
export function create(container: HTMLElement, story: StoryData, options: FrameOptions = {}): ChartInstance<TimelineSceneData> {
  const { locale } = story;
  const data = deriveTimeline(story);
  const frame = createFrame(container, 'timeline', locale, options);
  // The drawing holds focusable events, so it is a group of parts rather than one image.
  frame.svg.attr('role', 'group').attr('focusable', null);
  const clipId = `${frame.uid}-clip`;
  const clipRect = frame.defs.append('clipPath').attr('id', clipId).append('rect');
  for (const [name, colour] of [
    ['context', MARK.context],
    ['accent', MARK.accent],
  ] as const) {
    for (const [dir, from, to] of [
      ['in', 0, 1],
      ['out', 1, 0],
    ] as const) {
      const g = frame.defs.append('linearGradient').attr('id', `${frame.uid}-fade-${dir}-${name}`);
      g.append('stop').attr('offset', 0).attr('stop-color', colour).attr('stop-opacity', from);
      g.append('stop').attr('offset', 1).attr('stop-color', colour).attr('stop-opacity', to);
    }
  }
  const fade = (dir: 'in' | 'out', current: boolean) => `url(#${frame.uid}-fade-${dir}-${current ? 'accent' : 'context'})`;

  const labelLayer = frame.plot.append('g').attr('class', 'timeline-labels').attr('aria-hidden', 'true');
  const body = frame.plot.append('g').attr('class', 'timeline-body');
  const clipped = body.append('g').attr('clip-path', `url(#${clipId})`);
  const axisLayer = clipped.append('g').attr('class', 'chart-axis timeline-axis').attr('aria-hidden', 'true');
  const eraLayer = clipped.append('g').attr('class', 'timeline-eras').attr('aria-hidden', 'true');
  const eraLabelLayer = body.append('g').attr('class', 'timeline-era-labels').attr('aria-hidden', 'true');
  const eventLayer = clipped.append('g').attr('class', 'timeline-events').attr('role', 'list').attr('aria-label', t(locale, 'chart.timeline.events'));
  const tip = frame.plot.append('g').attr('class', 'timeline-tip').attr('aria-hidden', 'true').attr('pointer-events', 'none').style('display', 'none');
  const tipBox = tip.append('rect').attr('fill', BACKGROUND).attr('stroke', MARK.context).attr('stroke-width', 1).attr('rx', 3);
  const tipDate = tip.append('text').attr('class', 'chart-note-text').attr('fill', TEXT.muted);
  const tipTitle = tip.append('text').attr('class', 'chart-label').attr('font-weight', 700).attr('fill', TEXT.ink);

  let previousX: ScaleTime<number, number> | undefined;
  /** State the tip and keyboard handlers read. */
  let state: { x: ScaleTime<number, number>; geometry: EventGeometry[]; order: EventGeometry[]; stripTop: number; width: number; height: number; tick: number } | undefined;
  let hovered: string | undefined;
  let focused: string | undefined;

  function showTip(id: string | undefined): void {
    const g = state?.geometry.find((d) => d.event.id === id && d.inRange);
    if (!state || !g) {
      tip.style('display', 'none');
      return;
    }
    const m = frame.measure;
    const maxW = Math.min(state.width, 280);
    const lines = wrapText(g.event.title, maxW - 16, m, FONT_LABEL, 700);
    const w = Math.min(maxW, Math.max(widestLine(lines, m, FONT_LABEL, 700), m(g.event.dateLabel, FONT_SMALL)) + 16);
    const h = SMALL_LINE + lines.length * 18 + 10;
    const x = Math.max(0, Math.min(state.width - w, g.cx - w / 2));
    // Above the strip when there is room, else under it (over the axis and eras).
    let y = state.stripTop - h - 4;
    if (y < 0) y = Math.min(state.height - h, state.stripTop + state.tick + 6);
    tip.style('display', null).attr('transform', `translate(${x},${Math.max(0, y)})`).attr('data-id', g.event.id);
    tipBox.attr('width', w).attr('height', h);
    setLines(tipDate, [g.event.dateLabel], FONT_SMALL, SMALL_LINE, 8, 5);
    setLines(tipTitle, lines, FONT_LABEL, 18, 8, 5 + SMALL_LINE);
    tip.raise();
  }

  // Hover (and tap): the nearest event in range within 16 px names itself.
  frame.svg
    .on('pointermove pointerdown', (event: PointerEvent) => {
      if (!state) return;
      const [px, py] = pointer(event, frame.plot.node());
      if (py > state.stripTop + state.tick + 40) {
        hovered = undefined;
      } else {
        let best: EventGeometry | undefined;
        for (const g of state.geometry) if (g.inRange && (!best || Math.abs(g.cx - px) < Math.abs(best.cx - px))) best = g;
        hovered = best && Math.abs(best.cx - px) <= 16 ? best.event.id : undefined;
      }
      showTip(hovered ?? focused);
    })
    .on('pointerleave', () => {
      hovered = undefined;
      showTip(focused);
    });

  /** Moves keyboard focus to event `id` (roving tabindex: it becomes the one tab stop). */
  function focusEvent(id: string): void {
    eventLayer.selectAll<SVGGElement, EventGeometry>('g.timeline-event').attr('tabindex', (d) => (d.inRange ? (d.event.id === id ? 0 : -1) : null));
    eventLayer.select<SVGGElement>(`g.timeline-event[data-id="${id}"]`).node()?.focus();
  }

  /** The drawing under the labels, laid out from the strip's top (y = 0): strip, axis and eras. */
  type Body = Pick<Layout, 'laneCount' | 'axisY' | 'tickLines' | 'erasY' | 'eras'> & { height: number };

  /** Lays out the strip, the axis and the eras at `density`, from y = 0 at the strip's top. */
  function bodyLayout(scene: TimelineSceneData, density: Density, width: number, x: ScaleTime<number, number>, geometry: EventGeometry[], ticks: TimeTick[]): Body {
    const m = frame.measure;
    const plotWidth = width - ARROW_ROOM;
    const highlight = highlightedEvent(data, scene);
    const visible = inRange(data, scene.range);

    // Strip: ticks, then lanes of wide periods and spans.
    const laneCount = Math.max(0, ...geometry.filter((g) => g.inRange).map((g) => g.lane + 1));
    const stripHeight = density.tick + (laneCount ? 3 + laneCount * LANE : 0);
    const axisY = stripHeight + 3;

    // Axis labels (years for `all`, months for `blockade`), wrapped when months are long.
    const labelled = ticks.filter((d) => d.labelled);
    const spacing = labelled.length > 1 ? x(labelled[1].date) - x(labelled[0].date) : width;
    const tickLines = new Map(
      ticks.map((d) => [
        +d.date,
        d.label.includes(' ') && m(d.label, FONT_SMALL) > spacing - 8 ? wrapText(d.label, Math.max(20, spacing - 8), m, FONT_SMALL) : [d.label],
      ]),
    );
    const axisLines = Math.max(1, ...labelled.map((d) => tickLines.get(+d.date)!.length));
    const erasY = axisY + 5 + axisLines * AXIS_LINE + (density.name === 'full' ? 8 : 4);

    // Eras: each labelled beside (or on) its bar; packed into fewer rows when compact.
    const currentId = highlight ? currentEra(visible.eras, highlight)?.id : undefined;
    const eraGeo = visible.eras.map((era) => ({ ...eraGeometry(era, x, plotWidth), current: era.id === currentId }));
    const packed = packRows(
      eraGeo.map((g) => {
        const weight = g.current ? 700 : 400;
        return {
          id: g.era.id,
          x0: g.lead0,
          x1: g.arrow ? g.tail1 + ARROW_ROOM - 1 : g.tail1,
          solid0: g.solid0,
          solid1: g.solid1,
          wrap: (maxWidth: number) => {
            const lines = wrapText(g.era.title, maxWidth, m, FONT_LABEL, weight);
            return { lines, width: widestLine(lines, m, FONT_LABEL, weight) };
          },
        };
      }),
      width,
      { pack: density.pack, line: density.line, bar: density.eraBar },
    );
    const rowTop: number[] = [];
    const rowHeight = packed.rowHeights;
    let y = erasY;
    rowHeight.forEach((h) => {
      rowTop.push(y);
      y += h + density.eraGap;
    });
    const eras = eraGeo.map((g, i) => {
      const item = packed.items[i];
      const top = rowTop[item.row];
      const h = rowHeight[item.row];
      const above = item.position === 'above';
      const barY = above ? top + item.lines.length * density.line + 2 : top + (h - density.eraBar) / 2;
      const labelY = above ? top : top + (h - item.lines.length * density.line) / 2;
      return { ...g, packed: item, rowY: top, rowHeight: h, barY, labelY };
    });
    return { laneCount, axisY, tickLines, erasY, eras, height: y - density.eraGap };
  }

  /**
   * Lays out the chart at `density` over `body` (its drawing under the
   * labels). `delegated` key labels (the right-most ones whose era's label
   * names the same events: the blockade, the Sahel alliance, the coups…) are
   * left to their era's label, for short panes. When even the fewest labels
   * could not fit `budget` (px), the labels are not placed at all and the
   * layout is marked as not searched (`misses` = Infinity).
   */
  function layout(scene: TimelineSceneData, density: Density, width: number, geometry: EventGeometry[], body: Body, delegated = 0, budget = Infinity): Layout {
    const m = frame.measure;
    const highlight = highlightedEvent(data, scene);
    const visible = inRange(data, scene.range);
    const byId = new Map(geometry.map((g) => [g.event.id, g]));
    const below = highlight ? 8 : 0;
    const shift = (labelHeight: number, rest: Omit<Layout, 'stripY' | 'axisY' | 'erasY' | 'eras' | 'height' | 'laneCount' | 'tickLines' | 'labelHeight'>): Layout => {
      const stripY = labelHeight + below;
      return {
        ...rest,
        labelHeight,
        stripY,
        laneCount: body.laneCount,
        tickLines: body.tickLines,
        axisY: stripY + body.axisY,
        erasY: stripY + body.erasY,
        eras: body.eras.map((e) => ({ ...e, rowY: e.rowY + stripY, barY: e.barY + stripY, labelY: e.labelY + stripY })),
        height: Math.ceil(stripY + body.height),
      };
    };

    // 1. Labels: the annotation and the key labels, each as low as it fits.
    const shownEras = new Set(visible.eras.map((e) => e.id));
    const inRangeKeys = keyLabels(scene.range, highlight?.id, locale).filter((k) => k.eventIds.every((id) => byId.get(id)?.inRange));
    const mayDelegate = (k: (typeof inRangeKeys)[number]) => !!k.era && shownEras.has(k.era);
    // Left to their eras: the right-most delegable labels when the pane is short (`delegated`),
    // and any delegable label that finds no place without crossing another.
    const delegable = new Set(
      inRangeKeys
        .filter(mayDelegate)
        .sort((a, b) => byId.get(b.eventIds[0])!.cx - byId.get(a.eventIds[0])!.cx)
        .slice(0, delegated),
    );
    const keyItem = (k: (typeof inRangeKeys)[number]): LabelInput => ({
      id: `key:${k.id}`,
      anchors: k.eventIds.map((id) => byId.get(id)!.cx),
      width: m(k.text, FONT_LABEL),
      height: density.line,
      text: k.text,
      eventIds: k.eventIds,
    });
    // The annotation: the date leads its first line ("23 December 2021 Western governments…"), then
    // the title in bold. Wrapped at a few widths: a narrower block can leave room for the key labels.
    const annotationAt = (maxWidth: number): NonNullable<Layout['annotation']> => {
      const h = highlight!;
      let lines = wrapText(`${h.dateLabel} ${h.title}`, maxWidth, m, FONT_LABEL, 700);
      const datePrefix = lines[0].startsWith(`${h.dateLabel} `) || lines[0] === h.dateLabel;
      if (!datePrefix) lines = [h.dateLabel, ...wrapText(h.title, maxWidth, m, FONT_LABEL, 700)];
      // The date is set in regular weight, the title in bold.
      const w = Math.max(...lines.map((line, i) => (i === 0 && datePrefix ? m(h.dateLabel, FONT_LABEL) + m(line.slice(h.dateLabel.length), FONT_LABEL, 700) : m(line, FONT_LABEL, 700))));
      return { lines, datePrefix, dateLabel: h.dateLabel, width: Math.min(width, w) };
    };
    const widths = highlight ? [...new Set([density.annotationWidth, 300, 260, 230, 200].map((w) => Math.min(width, w)))] : [0];

    // The least the labels can take: the annotation at its widest, or one line of key labels.
    const least = highlight ? annotationAt(widths[0]).lines.length * density.line : inRangeKeys.length > delegable.size ? density.line : 0;
    if (least + LABEL_GAP_BELOW + below + body.height > budget) {
      return shift(least + LABEL_GAP_BELOW, { density, placed: [], annotation: undefined, delegated: delegable.size, misses: Infinity });
    }

    const byX = (a: LabelInput, b: LabelInput) => Math.min(...a.anchors) - Math.min(...b.anchors);
    let best: { annotation?: Layout['annotation']; placed: Placed[]; height: number; misses: number; missed: string[] } | undefined;
    for (let round = 0; round < 4; round += 1) {
      const keys = inRangeKeys.filter((k) => !delegable.has(k)).map(keyItem);
      best = undefined;
      for (const maxWidth of widths) {
        const annotation = highlight ? annotationAt(maxWidth) : undefined;
        const items: LabelInput[] = annotation ? [{ id: `annotation:${highlight!.id}`, anchors: [byId.get(highlight!.id)!.cx], width: annotation.width, height: annotation.lines.length * density.line }] : [];
        const sorted = [...keys].sort(byX);
        const orders = [items.concat(keys), keys.concat(items), sorted.concat(items), [...sorted].reverse().concat(items), [...keys, ...items].sort(byX), [...keys, ...items].sort(byX).reverse()];
        for (const order of orders) {
          const tried = placeLabels(order, width);
          // The cleanest (no crossed leaders), then the lowest.
          if (!best || tried.misses < best.misses || (tried.misses === best.misses && tried.height < best.height)) best = { annotation, ...tried };
          if (best.misses === 0) break;
        }
        // The widest annotation that leaves every label a clean place.
        if (best?.misses === 0) break;
      }
      // A delegable label that found no clean place is left to its era's label; then try again.
      const stuck = inRangeKeys.filter((k) => mayDelegate(k) && !delegable.has(k) && best!.missed.includes(`key:${k.id}`));
      if (!best!.misses || !stuck.length) break;
      for (const k of stuck) delegable.add(k);
    }
    const keys = inRangeKeys.filter((k) => !delegable.has(k)).map(keyItem);
    const annotation = best!.annotation;
    let { placed, height: labelHeight, misses } = best!;
    // Clusters of marks too close to tell apart get a count, if it costs no height and no label names one of them already.
    const named = new Set([...keys.flatMap((k) => k.eventIds ?? []), ...(highlight ? [highlight.id] : [])]);
    const sorted = geometry.filter((g) => g.inRange && g.asTick).sort((a, b) => a.cx - b.cx);
    for (const [first, last] of clusters(sorted.map((g) => g.cx), CLUSTER_GAP)) {
      if (last - first + 1 < 3) continue;
      const members = sorted.slice(first, last + 1);
      if (members.some((g) => named.has(g.event.id))) continue;
      const text = t(locale, 'chart.timeline.cluster', { count: members.length });
      const item: LabelInput = { id: `cluster:${members[0].event.id}`, anchors: [members[0].cx, members.at(-1)!.cx], width: m(text, FONT_LABEL), height: density.line, text, eventIds: members.map((g) => g.event.id) };
      const tried = placeLabels([...placed, item], width);
      if (tried.height <= labelHeight && tried.misses <= misses) ({ placed, height: labelHeight } = tried);
    }
    if (labelHeight > 0) labelHeight += LABEL_GAP_BELOW;
    return shift(labelHeight, { density, placed, annotation, delegated: delegable.size, misses });
  }


  function draw(scene: TimelineSceneData, animate: boolean): void {
    const width = frame.width();
    if (width <= 0) return;
    const plotWidth = width - ARROW_ROOM;
    const x = timeScale(timelineDomain(scene.range), plotWidth);
    const fromX = previousX && animate ? previousX : x;
    const highlight = highlightedEvent(data, scene);
    const visible = inRange(data, scene.range);
    const visibleIds = new Set(visible.events.map((e) => e.id));
    const geometry = eventGeometry(data.events, x, visibleIds);
    const ticks = timeTicks(x, locale, frame.measure);

    // Words first: the legend and source line take room the drawing must leave.
    const text = describeTimeline(data, scene, locale);
    const legend: LegendItem[] = [
      { kind: 'faded', label: t(locale, 'chart.timeline.legend.faded'), colour: MARK.context },
      { kind: 'ongoing', label: t(locale, 'chart.timeline.legend.ongoing'), colour: MARK.context },
    ];
    const outlets = [...new Set([...timelineOutlets(story, data, scene), ...scene.sources.map((id) => story.sources[id]?.outlet).filter((o): o is string => !!o)])];
    // The layout that fits the pane with no crossed leaders and leaves the fewest key labels to
    // their eras' labels; among those, the richest (generous rows and the legend first).
    let l: Layout | undefined;
    let fallback: Layout | undefined;
    const delegable = keyLabels(scene.range, highlight?.id, locale).filter((k) => k.era).length;
    const budgets = new Map<boolean, number>();
    const over = (c: Layout) => Math.max(0, c.height - budgets.get(!!c.legend)!);
    // The drawing does not depend on the legend: lay out each density once per delegation (its
    // strip, axis and eras once), and skip the label search where even the fewest labels cannot fit.
    const bodies = new Map<Density, Body>();
    const cache = new Map<string, Layout>();
    const layoutOf = (density: Density, delegated: number, budget: number) => {
      const key = `${density.name}:${delegated}:${budget}`;
      if (!bodies.has(density)) bodies.set(density, bodyLayout(scene, density, width, x, geometry, ticks));
      if (!cache.has(key)) cache.set(key, layout(scene, density, width, geometry, bodies.get(density)!, delegated, budget));
      return cache.get(key)!;
    };
    for (let delegated = 0; delegated <= delegable; delegated += 1) {
      for (const attempt of ATTEMPTS) {
        if (!budgets.has(attempt.legend)) {
          frame.setText({ ...text, outlets, asOfLabel: data.asOfLabel, legend: attempt.legend ? legend : [] });
          budgets.set(attempt.legend, frame.budget());
        }
        const candidate = { ...layoutOf(attempt.density, delegated, budgets.get(attempt.legend)!), legend: attempt.legend };
        if (candidate.misses === 0 && over(candidate) === 0) {
          if (!l || candidate.delegated < l.delegated) l = candidate;
        } else if (!fallback || candidate.misses < fallback.misses || (candidate.misses === fallback.misses && over(candidate) < over(fallback))) {
          // Nothing fits yet: keep the closest (fewest crossings, then least over the pane).
          fallback = candidate;
        }
      }
      // Asking for more to be left to the eras cannot leave fewer.
      if (l && l.delegated <= delegated) break;
    }
    // Nothing fits: the most compact layout, its labels placed however tall they come.
    l ??= fallback && Number.isFinite(fallback.misses) ? fallback : { ...layoutOf(COMPACT, delegable, Infinity), legend: false };
    frame.setText({ ...text, outlets, asOfLabel: data.asOfLabel, legend: l!.legend ? legend : [] });
    const L = l!;
    const d = L.density;
    frame.setSize(width, L.height);
    clipRect.attr('x', -2).attr('y', -4).attr('width', width + 4).attr('height', L.height + 8);
    frame.figure.dataset.layout = d.name;
    frame.figure.dataset.delegated = String(L.delegated);
    frame.figure.dataset.misses = String(L.misses);
    frame.figure.dataset.state = scene.range;
    if (highlight) frame.figure.dataset.highlight = highlight.id;
    else delete frame.figure.dataset.highlight;
    state = { x, geometry, order: geometry.filter((g) => g.inRange).sort((a, b) => +a.event.start - +b.event.start || a.cx - b.cx), stripTop: L.stripY, width, height: L.height, tick: d.tick };

    // Event marks: a tick, a faded lead-in for "by", a bracket or bar in a lane.
    const tickTop = (g: EventGeometry, hl: boolean) => L.stripY + (hl ? -4 : 0);
    const laneTop = (g: EventGeometry) => L.stripY + d.tick + 3 + g.lane * LANE;
    const markPath = (g: EventGeometry, scale: ScaleTime<number, number>, hl: boolean): string => {
      const x0 = scale(g.event.start);
      const x1 = scale(g.event.end);
      if (g.asTick) {
        const w = hl ? 4 : 2;
        const cx = (x0 + x1) / 2;
        return `M${cx - w / 2},${tickTop(g, hl)}H${cx + w / 2}V${L.stripY + d.tick}H${cx - w / 2}Z`;
      }
      const top = laneTop(g);
      const w = Math.max(3, x1 - x0);
      if (g.event.isSpan) return `M${x0},${top}H${x0 + w}V${top + 4}H${x0}Z`;
      // A month (or year) as a bracket across it.
      return `M${x0 + 0.75},${top + 5}V${top + 0.75}H${x0 + w - 0.75}V${top + 5}`;
    };
    const leadRect = (g: EventGeometry, scale: ScaleTime<number, number>) => {
      const cx = g.asTick ? (scale(g.event.start) + scale(g.event.end)) / 2 : scale(g.event.start);
      const before = g.event.qualifier === 'by' ? EVENT_LEAD : g.event.qualifier === 'around' ? EVENT_LEAD / 2 : 0;
      const after = g.event.qualifier === 'around' ? EVENT_LEAD / 2 : 0;
      return { x: cx - before, width: before + after };
    };
    const events = eventLayer
      .selectAll<SVGGElement, EventGeometry>('g.timeline-event')
      .data(geometry, (g) => g.event.id)
      .join((enter) => {
        const g = enter
          .append('g')
          .attr('class', 'timeline-event')
          .attr('role', 'listitem')
          .on('focus', (_, g) => {
            focused = g.event.id;
            showTip(focused);
          })
          .on('blur', () => {
            focused = undefined;
            showTip(hovered);
          })
          .on('keydown', (event: KeyboardEvent, g) => {
            if (!state) return;
            const i = state.order.findIndex((o) => o.event.id === g.event.id);
            const to =
              event.key === 'ArrowRight' || event.key === 'ArrowDown'
                ? i + 1
                : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
                  ? i - 1
                  : event.key === 'Home'
                    ? 0
                    : event.key === 'End'
                      ? state.order.length - 1
                      : undefined;
            if (to === undefined) return;
            // These keys move between events here, not between steps.
            event.preventDefault();
            event.stopPropagation();
            const next = state.order[Math.max(0, Math.min(state.order.length - 1, to))];
            if (next) focusEvent(next.event.id);
          });
        // The event's name as text (not drawn: the tip shows it), which names the focusable mark.
        g.append('text').attr('class', 'timeline-event__name').attr('visibility', 'hidden').attr('id', (g) => `${frame.uid}-event-${g.event.id}`);
        g.append('rect').attr('class', 'timeline-event__lead').attr('aria-hidden', 'true');
        g.append('path').attr('class', 'timeline-event__mark').attr('aria-hidden', 'true');
        g.append('rect').attr('class', 'timeline-event__focus').attr('aria-hidden', 'true').attr('fill', 'none').attr('stroke', MARK.ink).attr('stroke-width', 1.5).attr('rx', 2).attr('visibility', 'hidden');
        g.select('path').attr('d', (g) => markPath(g, fromX, false));
        return g;
      })
      .attr('data-id', (g) => g.event.id)
      .attr('data-precision', (g) => (g.event.isSpan ? 'span' : g.event.precision))
      .attr('data-qualifier', (g) => g.event.qualifier)
      .attr('data-in-range', (g) => String(g.inRange))
      .attr('aria-labelledby', (g) => (g.inRange ? `${frame.uid}-event-${g.event.id}` : null))
      .attr('aria-hidden', (g) => (g.inRange ? null : 'true'))
      .classed('is-highlighted', (g) => g.event.id === highlight?.id)
      .classed('is-period', (g) => g.event.precision !== 'day' && !g.event.isSpan)
      .classed('is-span', (g) => g.event.isSpan);
    // One tab stop: the highlighted event, else the first key event, else the first in range.
    const firstKey = keyLabels(scene.range, undefined, locale).flatMap((k) => k.eventIds).find((id) => visibleIds.has(id));
    const stop = [focused, highlight?.id, firstKey, state.order[0]?.event.id].find((id) => id && visibleIds.has(id));
    events.attr('tabindex', (g) => (g.inRange ? (g.event.id === stop ? 0 : -1) : null));
    events.select('text.timeline-event__name').text((g) => t(locale, 'chart.timeline.event', { date: g.event.dateLabel, title: g.event.title }));
    events.filter((g) => g.event.id === highlight?.id).raise();
    const isHl = (g: EventGeometry) => g.event.id === highlight?.id;
    const colour = (g: EventGeometry) => (isHl(g) ? MARK.accent : MARK.context);
    const marks = events.select<SVGPathElement>('path.timeline-event__mark');
    marks
      .attr('fill', (g) => (!g.asTick && !g.event.isSpan ? 'none' : colour(g)))
      .attr('stroke', (g) => (!g.asTick && !g.event.isSpan ? colour(g) : 'none'))
      .attr('stroke-width', (g) => (isHl(g) ? 2.5 : 1.5));
    motion(marks, animate).attr('d', (g) => markPath(g, x, isHl(g)));
    const leads = events.select<SVGRectElement>('rect.timeline-event__lead');
    leads.attr('fill', (g) => fade('in', isHl(g))).attr('y', (g) => (g.asTick ? tickTop(g, isHl(g)) : laneTop(g))).attr('height', (g) => (g.asTick ? L.stripY + d.tick - tickTop(g, isHl(g)) : 5));
    motion(leads, animate)
      .attr('x', (g) => leadRect(g, x).x)
      .attr('width', (g) => leadRect(g, x).width);
    events
      .select('rect.timeline-event__focus')
      .attr('x', (g) => Math.min(leadRect(g, x).x, g.asTick ? g.cx - 2 : g.x0) - 3)
      .attr('y', (g) => (g.asTick ? tickTop(g, isHl(g)) : laneTop(g)) - 3)
      .attr('width', (g) => Math.max(leadRect(g, x).width, g.asTick ? 4 : g.x1 - g.x0) + 6)
      .attr('height', (g) => (g.asTick ? L.stripY + d.tick - tickTop(g, isHl(g)) : 6) + 6);
    // Out of range (zoomed in): slide out of sight, then hide, so nothing lies outside the chart.
    events.interrupt('visibility');
    events.filter((g) => g.inRange).style('visibility', null);
    const out = events.filter((g) => !g.inRange);
    if (animate) out.transition('visibility').delay(DURATION_MS).duration(0).style('visibility', 'hidden');
    else out.style('visibility', 'hidden');

    // Labels: the annotation (accent leader, bold title) and the key labels (leaders to their marks).
    const byId = new Map(geometry.map((g) => [g.event.id, g]));
    const labelData = L.placed.filter((p) => !p.id.startsWith('annotation:'));
    const yOf = (p: PlacedLabel) => L.labelHeight - LABEL_GAP_BELOW - p.y - p.height;
    const keyGroups = labelLayer
      .selectAll<SVGGElement, Placed>('g.timeline-key')
      .data(labelData, (p) => p.id)
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'timeline-key').style('opacity', 0);
          g.append('path').attr('class', 'timeline-key__leader').attr('fill', 'none').attr('stroke', MARK.context).attr('stroke-width', 1);
          g.append('text').attr('class', 'timeline-key__text chart-label chart-halo').attr('fill', TEXT.ink);
          return g;
        },
        (update) => update,
        (exit) => motion(exit, animate, 200).style('opacity', 0).remove(),
      )
      .attr('data-id', (p) => p.id)
      .attr('data-events', (p) => (p.eventIds ?? []).join(' '));
    keyGroups.each(function (p) {
      const g = select(this);
      const words = p.text ?? '';
      setLines(g.select<SVGTextElement>('text'), [words], FONT_LABEL, d.line, p.x, yOf(p));
      // Leader: from under the label down to the strip; across all the marks it names.
      const bottom = yOf(p) + p.height;
      const a0 = Math.min(...p.anchors);
      const a1 = Math.max(...p.anchors);
      const top = L.stripY - 2;
      const path = a1 - a0 > 2 ? `M${p.leaderX},${bottom}V${top - 3}M${a0},${top}V${top - 3}H${a1}V${top}` : `M${p.leaderX},${bottom}V${top}`;
      g.select('path').attr('d', bottom < top - 1 ? path : '');
    });
    keyGroups.interrupt('labels');
    if (animate) keyGroups.style('opacity', 0).transition('labels').delay(DURATION_MS * 0.8).duration(250).style('opacity', 1);
    else keyGroups.style('opacity', 1);

    const annotation = L.placed.find((p) => p.id.startsWith('annotation:'));
    const hl = highlight ? byId.get(highlight.id) : undefined;
    const labels = labelLayer
      .selectAll<SVGGElement, PlacedLabel>('g.timeline-highlight')
      .data(annotation && highlight ? [annotation] : [], () => highlight?.id ?? '')
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'timeline-highlight').style('opacity', 0);
          g.append('line').attr('class', 'timeline-highlight__leader').attr('stroke', MARK.accent).attr('stroke-width', 1.5);
          g.append('path').attr('class', 'timeline-highlight__marker').attr('fill', MARK.accent);
          g.append('text').attr('class', 'timeline-highlight__text chart-label chart-halo').attr('font-size', FONT_LABEL);
          return g;
        },
        (update) => update,
        (exit) => motion(exit, animate, 250).style('opacity', 0).remove(),
      )
      .attr('data-id', highlight?.id ?? null);
    if (annotation && highlight && hl && L.annotation) {
      const top = yOf(annotation);
      const a = L.annotation;
      // One tspan per run: the date (muted, regular), then the title (accent, bold), line by line.
      const runs = a.lines.flatMap((line, i) => {
        const y = top + (d.line - FONT_LABEL) / 2 + FONT_LABEL * 0.8 + i * d.line;
        if (i === 0 && a.datePrefix) {
          const rest = line.slice(a.dateLabel.length).trim();
          return [
            { text: a.dateLabel, x: annotation.x, y, date: true },
            ...(rest ? [{ text: ` ${rest}`, x: undefined, y: undefined, date: false }] : []),
          ];
        }
        return [{ text: line, x: annotation.x, y, date: i === 0 && !a.datePrefix }];
      });
      labels
        .select('text.timeline-highlight__text')
        .attr('data-lines', a.lines.length)
        .selectAll('tspan')
        .data(runs)
        .join('tspan')
        .attr('x', (r) => r.x ?? null)
        .attr('y', (r) => r.y ?? null)
        .attr('font-weight', (r) => (r.date ? 400 : 700))
        .attr('fill', (r) => (r.date ? TEXT.muted : TEXT.accent))
        .text((r) => r.text);
      const markTop = hl.asTick ? L.stripY - 4 : L.stripY + d.tick + 3 + hl.lane * LANE;
      labels
        .select('line.timeline-highlight__leader')
        .attr('x1', hl.cx)
        .attr('x2', hl.cx)
        .attr('y1', Math.min(top + annotation.height + 1, markTop - 8))
        .attr('y2', markTop - 7);
      labels.select('path.timeline-highlight__marker').attr('d', `M${hl.cx - 5},${markTop - 8} H${hl.cx + 5} L${hl.cx},${markTop - 2} Z`);
      labels.interrupt('labels');
      if (animate) labels.transition('labels').delay(DURATION_MS * 0.6).duration(300).style('opacity', 1);
      else labels.style('opacity', 1);
    }

    // Axis: baseline, ticks, labels.
    axisLayer
      .selectAll('line.timeline-axis__baseline')
      .data([0])
      .join('line')
      .attr('class', 'timeline-axis__baseline')
      .attr('stroke', TEXT.muted)
      .attr('x1', 0)
      .attr('x2', width)
      .attr('y1', L.axisY)
      .attr('y2', L.axisY);
    const tickGroups = axisLayer
      .selectAll<SVGGElement, TimeTick>('g.timeline-tick')
      .data(ticks, (t) => t.date.toISOString())
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'timeline-tick').attr('transform', (t) => `translate(${fromX(t.date)},${L.axisY})`).style('opacity', 0);
          g.append('line').attr('stroke', TEXT.muted);
          g.append('text').attr('fill', TEXT.muted);
          return g;
        },
        (update) => update,
        (exit) => motion(exit, animate).attr('transform', (t) => `translate(${x(t.date)},${L.axisY})`).style('opacity', 0).remove(),
      )
      .attr('data-labelled', (t) => String(t.labelled));
    motion(tickGroups, animate)
      .attr('transform', (t) => `translate(${x(t.date)},${L.axisY})`)
      .style('opacity', 1);
    tickGroups.select('line').attr('y2', (t) => (t.labelled ? 5 : 3));
    tickGroups.select<SVGTextElement>('text').each(function (t) {
      setLines(select(this), t.labelled ? L.tickLines.get(+t.date)! : [], FONT_SMALL, AXIS_LINE, 2, 5);
    });

    // Eras: a thin bar each, with fades and arrows, labelled beside or on it.
    type EraDatum = Layout['eras'][number];
    const eraGroups = eraLayer
      .selectAll<SVGGElement, EraDatum>('g.timeline-era')
      .data(L.eras, (e) => e.era.id)
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'timeline-era').style('opacity', 0);
          g.append('rect').attr('class', 'timeline-era__lead');
          g.append('rect').attr('class', 'timeline-era__bar');
          g.append('rect').attr('class', 'timeline-era__tail');
          g.append('path').attr('class', 'timeline-era__arrow').attr('fill', 'none').attr('stroke-width', 1.75).attr('stroke-linejoin', 'miter');
          return g;
        },
        (update) => update,
        (exit) => motion(exit, animate).style('opacity', 0).remove(),
      )
      .attr('data-id', (e) => e.era.id)
      .attr('data-label-position', (e) => e.packed.position)
      .attr('data-row', (e) => e.packed.row)
      .attr('data-start', (e) => e.era.startQualifier)
      .attr('data-end', (e) => e.era.endQualifier)
      .classed('is-current', (e) => e.current);
    motion(eraGroups, animate).style('opacity', 1);
    const eraColour = (e: EraDatum) => (e.current ? MARK.accent : MARK.context);
    motion(eraGroups.select<SVGRectElement>('rect.timeline-era__lead').attr('fill', (e) => fade('in', e.current)), animate)
      .attr('x', (e) => e.lead0)
      .attr('width', (e) => Math.max(0, e.solid0 - e.lead0))
      .attr('y', (e) => e.barY)
      .attr('height', d.eraBar);
    motion(eraGroups.select<SVGRectElement>('rect.timeline-era__bar').attr('fill', eraColour), animate)
      .attr('x', (e) => e.solid0)
      .attr('width', (e) => Math.max(0, e.solid1 - e.solid0))
      .attr('y', (e) => e.barY)
      .attr('height', d.eraBar);
    motion(eraGroups.select<SVGRectElement>('rect.timeline-era__tail').attr('fill', (e) => fade('out', e.current)), animate)
      .attr('x', (e) => e.solid1)
      .attr('width', (e) => Math.max(0, e.tail1 - e.solid1))
      .attr('y', (e) => e.barY)
      .attr('height', d.eraBar);
    const arrowPath = (e: EraDatum) => {
      const h = d.eraBar + 6;
      const x0 = e.tail1 + 2;
      const y0 = e.barY + d.eraBar / 2;
      return `M${x0},${y0 - h / 2}L${x0 + 5},${y0}L${x0},${y0 + h / 2}`;
    };
    motion(eraGroups.select<SVGPathElement>('path.timeline-era__arrow').attr('stroke', eraColour), animate)
      .attr('d', arrowPath)
      .style('opacity', (e) => (e.arrow ? 1 : 0));

    const eraLabels = eraLabelLayer
      .selectAll<SVGGElement, EraDatum>('g.timeline-era__label')
      .data(L.eras, (e) => e.era.id)
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'timeline-era__label').style('opacity', 0);
          g.append('rect').attr('class', 'timeline-era__knockout').attr('fill', BACKGROUND);
          g.append('text').attr('class', 'chart-label');
          return g;
        },
        (update) => update,
        (exit) => motion(exit, animate, 200).style('opacity', 0).remove(),
      )
      .attr('data-id', (e) => e.era.id);
    eraLabels.each(function (e) {
      const g = select(this);
      const on = e.packed.position === 'on';
      g.select('rect')
        .attr('x', e.packed.labelX - 4)
        .attr('y', e.labelY)
        .attr('width', on ? e.packed.labelWidth + 8 : 0)
        .attr('height', on ? e.packed.lines.length * d.line : 0);
      setLines(
        g.select<SVGTextElement>('text').attr('font-weight', e.current ? 700 : 400).attr('fill', e.current ? TEXT.accent : TEXT.ink),
        e.packed.lines,
        FONT_LABEL,
        d.line,
        e.packed.labelX,
        e.labelY,
      );
    });
    // Labels jump to their new place: when animating, hide them while the bars move, then fade them in.
    eraLabels.interrupt('labels');
    if (animate) eraLabels.style('opacity', 0).transition('labels').delay(DURATION_MS * 0.8).duration(250).style('opacity', 1);
    else eraLabels.style('opacity', 1);

    showTip(hovered ?? focused);
    previousX = x;
  }

  return chartInstance(draw);
}
