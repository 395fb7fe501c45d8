/**
 * Timeline of Mali, 2012 to December 2025: eras as shaded spans (one row
 * each, labelled inside or beside the span), events on a strip above them —
 * a day as a thin tick; a date known only to the month (or year) as a
 * bracket the width of that month (or year), never as a made-up day; an event
 * lasting several days (schools closed) as a bar. The scene's highlighted
 * event is drawn in vermillion, larger, with a marker and a label. Range
 * `blockade` zooms into September–December 2025 with a transition.
 * Initialize once (`create`), update for each scene; data from
 * `deriveTimeline` (story.eras, story.events).
 *
 * Marks: `g.timeline-event[data-id][data-precision=day|month|year|span]`
 * (`.is-highlighted` on the active one; `data-in-range`),
 * `g.timeline-era[data-id]` (`.is-current` when it contains the highlighted
 * event; `data-label-position=inside|right|left|above`),
 * `g.timeline-highlight[data-id]` (the label), `g.timeline-tick[data-labelled]`.
 */
import { select } from 'd3-selection';
import type { ScaleTime } from 'd3-scale';
import type { StoryData, TimelineSceneData } from '../story/types';
import { t } from '../i18n/ui';
import { createFrame, type LegendItem } from './frame';
import { deriveTimeline, describeTimeline, highlightedEvent, inRange, timelineDomain, type TimelineEra, type TimelineEvent } from './data/timeline';
import { outletsOf } from './data/lookup';
import { FONT_LABEL, FONT_SMALL, LINE_HEIGHT, timeScale, timeTicks, type TimeTick } from './scales';
import { wrapText, widestLine } from './text';
import { setLines } from './svg-text';
import { DURATION_MS, motion } from './motion';
import { MARK, TEXT, TINT } from './palette';
import type { ChartInstance } from './types';
import { chartInstance } from './instance';

/** Height of the lane of day ticks, pixels. */
const DAY_LANE = 24;
/** Height of each lane of month brackets and multi-day bars, pixels. */
const PERIOD_LANE = 14;
/** Height of an era's span, pixels (a 14 px label fits inside). */
const ERA_BAR = 22;

type LabelPosition = 'inside' | 'right' | 'left' | 'above';

interface EraLayout {
  era: TimelineEra;
  y: number;
  barY: number;
  lines: string[];
  labelX: number;
  labelY: number;
  position: LabelPosition;
  current: boolean;
}

/**
 * Lanes for events that cover more than a day (months, years, spans): each
 * goes in the first lane where it does not overlap the one before. Returns
 * the lane index of each event id. Pure; by time, so stable across zooms.
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

const isPeriod = (e: TimelineEvent): boolean => e.isSpan || e.precision !== 'day';

/**
 * Creates the timeline in `container` (initialize once).
 * Throws when an era or event it needs is missing (see `deriveTimeline`), and
 * on update when a scene highlights an event the timeline lacks.
 */
export function create(container: HTMLElement, story: StoryData): ChartInstance<TimelineSceneData> {
  const { locale } = story;
  const data = deriveTimeline(story);
  const lanes = periodLanes(data.events.filter(isPeriod));
  const laneCount = Math.max(0, ...lanes.values()) + 1;
  const frame = createFrame(container, 'timeline', locale);
  const clipId = `${frame.uid}-clip`;
  const clipRect = frame.defs.append('clipPath').attr('id', clipId).append('rect');
  const labelLayer = frame.plot.append('g').attr('class', 'timeline-labels');
  const clipped = frame.plot.append('g').attr('clip-path', `url(#${clipId})`);
  const eventLayer = clipped.append('g').attr('class', 'timeline-events');
  const axisLayer = clipped.append('g').attr('class', 'chart-axis timeline-axis');
  const eraLayer = clipped.append('g').attr('class', 'timeline-eras');
  const eraLabelLayer = frame.plot.append('g').attr('class', 'timeline-era-labels');
  let previousX: ScaleTime<number, number> | undefined;

  function draw(scene: TimelineSceneData, animate: boolean): void {
    const width = frame.width();
    if (width <= 0) return;
    const m = frame.measure;
    const line = Math.round(FONT_LABEL * LINE_HEIGHT);
    const small = Math.round(FONT_SMALL * LINE_HEIGHT);
    const x = timeScale(timelineDomain(scene.range), width);
    const fromX = previousX && animate ? previousX : x;
    const highlight = highlightedEvent(data, scene);
    const visible = inRange(data, scene.range);

    // 1. Highlight label (above the strip).
    let labelHeight = 0;
    let label: { lines: string[]; x: number; anchorX: number } | undefined;
    if (highlight) {
      const maxWidth = Math.min(width, 340);
      const lines = wrapText(highlight.title, maxWidth, m, FONT_LABEL, 700);
      const w = Math.max(widestLine(lines, m, FONT_LABEL, 700), m(highlight.dateLabel, FONT_SMALL));
      const anchorX = Math.max(0, Math.min(width, (x(highlight.start) + x(highlight.end)) / 2));
      label = { lines, x: Math.max(0, Math.min(width - w, anchorX - w / 2)), anchorX };
      labelHeight = small + lines.length * line + 14;
    }

    // 2. The event strip: day ticks, then lanes of periods.
    const stripY = labelHeight;
    const stripHeight = DAY_LANE + 4 + laneCount * PERIOD_LANE;
    const axisY = stripY + stripHeight + 4;

    // 3. Axis labels (years for `all`, months for `blockade`).
    const ticks = timeTicks(x, locale, m);
    const labelled = ticks.filter((d) => d.labelled);
    const spacing = labelled.length > 1 ? x(labelled[1].date) - x(labelled[0].date) : width;
    const tickLines = new Map(
      ticks.map((d) => [
        +d.date,
        d.label.includes(' ') && m(d.label, FONT_SMALL) > spacing - 8 ? wrapText(d.label, Math.max(20, spacing - 8), m, FONT_SMALL) : [d.label],
      ]),
    );
    const axisLines = Math.max(1, ...labelled.map((d) => tickLines.get(+d.date)!.length));
    const axisHeight = 8 + axisLines * small + 8;

    // 4. Eras, one row each: label inside the span, else beside it, else above.
    let y = axisY + axisHeight;
    const eras: EraLayout[] = visible.eras.map((era) => {
      const x0 = Math.max(0, x(era.start));
      const x1 = Math.min(width, x(era.end));
      const current = !!highlight && highlight.start < era.end && highlight.end > era.start;
      const weight = current ? 700 : 400;
      const w = m(era.title, FONT_LABEL, weight);
      let position: LabelPosition;
      let lines = [era.title];
      let labelX: number;
      if (x1 - x0 >= w + 12) [position, labelX] = ['inside', x0 + 6];
      else if (x1 + 6 + w <= width) [position, labelX] = ['right', x1 + 6];
      else if (x0 - 6 - w >= 0) [position, labelX] = ['left', x0 - 6 - w];
      else {
        position = 'above';
        lines = wrapText(era.title, width, m, FONT_LABEL, weight);
        labelX = Math.max(0, Math.min(width - widestLine(lines, m, FONT_LABEL, weight), x0));
      }
      const above = position === 'above' ? lines.length * line + 2 : 0;
      const layout = { era, y, barY: y + above, lines, labelX, labelY: position === 'above' ? y : y + above + (ERA_BAR - line) / 2, position, current };
      y += above + ERA_BAR + 6;
      return layout;
    });
    const height = Math.ceil(y - 6);
    frame.setSize(width, height);
    clipRect.attr('x', 0).attr('y', -4).attr('width', width).attr('height', height + 8);

    // Event marks: one path each (a filled tick or bar, or a month bracket).
    const markPath = (e: TimelineEvent, scale: ScaleTime<number, number>): string => {
      const hl = e.id === highlight?.id;
      const x0 = scale(e.start);
      const x1 = scale(e.end);
      if (!isPeriod(e)) {
        const w = hl ? 4 : 2;
        const cx = (x0 + x1) / 2;
        const top = stripY + (hl ? 0 : 4);
        return `M${cx - w / 2},${top}H${cx + w / 2}V${stripY + DAY_LANE}H${cx - w / 2}Z`;
      }
      const top = stripY + DAY_LANE + 4 + (lanes.get(e.id) ?? 0) * PERIOD_LANE;
      const w = Math.max(3, x1 - x0);
      if (e.isSpan) return `M${x0},${top + 1}H${x0 + w}V${top + 9}H${x0}Z`;
      return `M${x0},${top + 10}V${top + 1}H${x0 + w}V${top + 10}`;
    };
    const events = eventLayer
      .selectAll<SVGGElement, TimelineEvent>('g.timeline-event')
      .data(data.events, (d) => d.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'timeline-event');
        g.append('path').attr('class', 'timeline-event__mark').attr('d', (d) => markPath(d, fromX));
        return g;
      })
      .attr('data-id', (d) => d.id)
      .attr('data-precision', (d) => (d.isSpan ? 'span' : d.precision))
      .attr('data-in-range', (d) => String(visible.events.includes(d)))
      .classed('is-highlighted', (d) => d.id === highlight?.id)
      .classed('is-period', (d) => d.precision !== 'day' && !d.isSpan)
      .classed('is-span', (d) => d.isSpan);
    events.filter((d) => d.id === highlight?.id).raise();
    const marks = events.select<SVGPathElement>('path.timeline-event__mark');
    marks
      .attr('fill', (d) => (d.precision !== 'day' && !d.isSpan ? 'none' : d.id === highlight?.id ? MARK.vermillion : MARK.grey))
      .attr('stroke', (d) => (d.precision !== 'day' && !d.isSpan ? (d.id === highlight?.id ? MARK.vermillion : MARK.grey) : 'none'))
      .attr('stroke-width', (d) => (d.id === highlight?.id ? 3 : 2));
    motion(marks, animate).attr('d', (d) => markPath(d, x));

    // Highlight label with a marker and a leader line down to the mark.
    const labels = labelLayer
      .selectAll<SVGGElement, TimelineEvent>('g.timeline-highlight')
      .data(highlight && label ? [highlight] : [], (d) => d.id)
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'timeline-highlight').style('opacity', 0);
          g.append('text').attr('class', 'timeline-highlight__date chart-note-text').attr('fill', TEXT.soft);
          g.append('text').attr('class', 'timeline-highlight__title chart-label').attr('font-weight', 700).attr('fill', TEXT.ink);
          g.append('line').attr('class', 'timeline-highlight__leader').attr('stroke', MARK.vermillion).attr('stroke-width', 1.5);
          g.append('path').attr('class', 'timeline-highlight__marker').attr('fill', MARK.vermillion);
          return g;
        },
        (update) => update,
        (exit) => motion(exit, animate, 250).style('opacity', 0).remove(),
      )
      .attr('data-id', (d) => d.id);
    if (highlight && label) {
      const l = label;
      labels.select<SVGTextElement>('text.timeline-highlight__date').each(function (d) {
        setLines(select(this), [d.dateLabel], FONT_SMALL, small, l.x, 0);
      });
      labels.select<SVGTextElement>('text.timeline-highlight__title').each(function () {
        setLines(select(this), l.lines, FONT_LABEL, line, l.x, small);
      });
      const textBottom = small + l.lines.length * line + 2;
      const markTop = isPeriod(highlight) ? stripY + DAY_LANE + 4 + (lanes.get(highlight.id) ?? 0) * PERIOD_LANE : stripY;
      labels
        .select('line.timeline-highlight__leader')
        .attr('x1', l.anchorX)
        .attr('x2', l.anchorX)
        .attr('y1', textBottom)
        .attr('y2', markTop - 2);
      labels
        .select('path.timeline-highlight__marker')
        .attr('d', `M${l.anchorX - 5},${stripY - 8} H${l.anchorX + 5} L${l.anchorX},${stripY - 2} Z`);
      motion(labels, animate, 400).style('opacity', 1);
    }

    // Axis: baseline, ticks, labels.
    axisLayer
      .selectAll('line.timeline-axis__baseline')
      .data([0])
      .join('line')
      .attr('class', 'timeline-axis__baseline')
      .attr('stroke', TEXT.soft)
      .attr('x1', 0)
      .attr('x2', width)
      .attr('y1', axisY)
      .attr('y2', axisY);
    const tickGroups = axisLayer
      .selectAll<SVGGElement, TimeTick>('g.timeline-tick')
      .data(ticks, (d) => d.date.toISOString())
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'timeline-tick').attr('transform', (d) => `translate(${fromX(d.date)},${axisY})`).style('opacity', 0);
          g.append('line').attr('stroke', TEXT.soft);
          g.append('text').attr('fill', TEXT.soft);
          return g;
        },
        (update) => update,
        (exit) => motion(exit, animate).attr('transform', (d) => `translate(${x(d.date)},${axisY})`).style('opacity', 0).remove(),
      )
      .attr('data-labelled', (d) => String(d.labelled));
    motion(tickGroups, animate)
      .attr('transform', (d) => `translate(${x(d.date)},${axisY})`)
      .style('opacity', 1);
    tickGroups.select('line').attr('y2', (d) => (d.labelled ? 6 : 3));
    tickGroups.select<SVGTextElement>('text').each(function (d) {
      setLines(select(this), d.labelled ? tickLines.get(+d.date)! : [], FONT_SMALL, small, 2, 7);
    });

    // Eras: a labelled shaded span each.
    const eraGroups = eraLayer
      .selectAll<SVGGElement, EraLayout>('g.timeline-era')
      .data(eras, (d) => d.era.id)
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'timeline-era').style('opacity', 0);
          g.append('rect')
            .attr('class', 'timeline-era__span')
            .attr('stroke-width', 1.5)
            .attr('x', (d) => fromX(d.era.start))
            .attr('width', (d) => Math.max(2, fromX(d.era.end) - fromX(d.era.start)))
            .attr('y', (d) => d.barY)
            .attr('height', ERA_BAR);
          return g;
        },
        (update) => update,
        (exit) => motion(exit, animate).style('opacity', 0).remove(),
      )
      .attr('data-id', (d) => d.era.id)
      .attr('data-label-position', (d) => d.position)
      .classed('is-current', (d) => d.current);
    motion(eraGroups, animate).style('opacity', 1);
    const spans = eraGroups.select<SVGRectElement>('rect.timeline-era__span');
    spans.attr('fill', (d) => (d.current ? MARK.blue : TINT.blue)).attr('stroke', MARK.blue);
    motion(spans, animate)
      .attr('x', (d) => x(d.era.start))
      .attr('width', (d) => Math.max(2, x(d.era.end) - x(d.era.start)))
      .attr('y', (d) => d.barY)
      .attr('height', ERA_BAR);

    const eraLabels = eraLabelLayer
      .selectAll<SVGTextElement, EraLayout>('text.timeline-era__label')
      .data(eras, (d) => d.era.id)
      .join(
        (enter) => enter.append('text').attr('class', 'timeline-era__label chart-label').style('opacity', 0),
        (update) => update,
        (exit) => motion(exit, animate, 200).style('opacity', 0).remove(),
      )
      .attr('data-id', (d) => d.era.id)
      .attr('font-weight', (d) => (d.current ? 700 : 400))
      // White on the dark span of the current era (5.2:1), ink elsewhere.
      .attr('fill', (d) => (d.current && d.position === 'inside' ? '#ffffff' : TEXT.ink));
    eraLabels.each(function (d) {
      setLines(select(this), d.lines, FONT_LABEL, line, d.labelX, d.labelY);
    });
    // Labels jump to their new place: when animating, hide them while the spans move, then fade them in.
    eraLabels.interrupt('labels');
    if (animate) {
      eraLabels.style('opacity', 0).transition('labels').delay(DURATION_MS * 0.8).duration(250).style('opacity', 1);
    } else {
      eraLabels.style('opacity', 1);
    }

    // Words around the drawing.
    const text = describeTimeline(data, scene, locale);
    const shownSources = [...visible.eras.flatMap((e) => e.sources), ...visible.events.flatMap((e) => e.sources), ...scene.sources];
    const legend: LegendItem[] = [
      { kind: 'event-day', label: t(locale, 'chart.legend.eventDay'), colour: MARK.grey },
      ...(visible.events.some((e) => e.precision !== 'day' && !e.isSpan) ? [{ kind: 'event-month' as const, label: t(locale, 'chart.legend.eventMonth'), colour: MARK.grey }] : []),
      ...(visible.events.some((e) => e.isSpan) ? [{ kind: 'event-span' as const, label: t(locale, 'chart.legend.eventSpan'), colour: MARK.grey }] : []),
      ...(highlight ? [{ kind: 'event-highlight' as const, label: t(locale, 'chart.legend.eventHighlight'), colour: MARK.vermillion }] : []),
      { kind: 'era', label: t(locale, 'chart.legend.era'), colour: MARK.blue },
    ];
    frame.setText({ ...text, outlets: outletsOf(story, shownSources, 'timeline'), asOfLabel: data.asOfLabel, legend });
    frame.figure.dataset.state = scene.range;
    if (highlight) frame.figure.dataset.highlight = highlight.id;
    else delete frame.figure.dataset.highlight;
    previousX = x;
  }

  return chartInstance(draw);
}
