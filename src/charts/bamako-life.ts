/**
 * Life during the blockade, shown only as far as it is known — no invented
 * series; neutral data, so ink and greys, no accent:
 *  - `mid-september` (Bamako): three indicators from BBC News: prices up
 *    about 10% (a dashed arrow: approximate), power cuts more frequent (an
 *    outline arrow: a direction with "no figure reported"), no outright fuel
 *    shortage (a level sign: it had not happened);
 *  - `october-november` (across Mali): the events of October–November 2025
 *    on a dated strip, one row each, the date written beside its mark: long
 *    fuel queues in Bamako (reported "by" 8 October: a faded lead-in), schools
 *    and universities closed nationwide 27 October – 9 November (a span), the
 *    US (28 October) and France (7 November) telling citizens to leave Mali.
 * Rows and cards get tighter when the pane is short (`frame.budget()`).
 * Initialize once (`create`), update for each scene; data from `deriveBamakoLife`.
 *
 * Marks: `g.life-indicator[data-id=fuel-prices|power-cuts|fuel-supply][data-kind]`,
 * `g.life-event[data-id=<event id>][data-precision][data-qualifier]`, panels
 * `g.life-panel[data-stage]` (`.is-active`).
 */
import { select } from 'd3-selection';
import type { BamakoLifeSceneData, StoryData } from '../story/types';
import { t } from '../i18n/ui';
import { createFrame, type FrameOptions, type LegendItem } from './frame';
import { BAMAKO_LIFE_WINDOW, deriveBamakoLife, describeBamakoLife, type LifeEvent, type LifeIndicator } from './data/bamako-life';
import { periodOf } from './data/periods';
import { outletsOf } from './data/lookup';
import { FONT_LABEL, FONT_SMALL, timeScale, timeTicks, type TimeTick } from './scales';
import { TYPE } from '../design/tokens';
import { wrapText } from './text';
import { setLines } from './svg-text';
import { DURATION_MS, motion } from './motion';
import { BACKGROUND, GRID, MARK, TEXT, tintOf } from './palette';
import type { ChartInstance } from './types';
import { chartInstance } from './instance';

const GLYPH = 32;
/** An indicator's value: the graphics' heading size (TYPE.heading). */
const FONT_VALUE = TYPE.heading;
const SMALL_LINE = Math.round(FONT_SMALL * 1.3);
/** Length of a faded lead-in ("by" a date), px. */
const LEAD = 18;

/** SVG path (32 × 32 px box) of an indicator's glyph: an up arrow, or a level bar for "did not happen". */
function glyphPath(direction: LifeIndicator['direction']): string {
  return direction === 'up' ? 'M16,2 L29,16 L21,16 L21,30 L11,30 L11,16 L3,16 Z' : 'M3,12 H29 V20 H3 Z';
}

/** The vertical rhythm of one layout, px. */
interface Density {
  name: 'full' | 'compact';
  line: number;
  pad: number;
  gap: number;
  mark: number;
}
const FULL: Density = { name: 'full', line: 18, pad: 12, gap: 10, mark: 12 };
const COMPACT: Density = { name: 'compact', line: 16, pad: 6, gap: 6, mark: 8 };

interface CardLayout {
  indicator: LifeIndicator;
  x: number;
  y: number;
  w: number;
  h: number;
  nameLines: string[];
  valueLines: string[];
  detailLines: string[];
}

interface EventLayout {
  event: LifeEvent;
  y: number;
  titleX: number;
  titleLines: string[];
  markY: number;
  /** Where the date is written: after the mark, before it when there is no room after, else on the line under it. */
  dateX: number;
  dateY: number;
  dateAnchor: 'start' | 'end';
}

/**
 * Creates the chart in `container` (initialize once).
 * `options.available` (from the controller) gives the height in px the
 * figure may take in its pane; without it the chart takes the room it needs.
 * Throws when a figure or event it needs is missing (see `deriveBamakoLife`).
 */
export function create(container: HTMLElement, story: StoryData, options: FrameOptions = {}): ChartInstance<BamakoLifeSceneData> {
  const { locale } = story;
  const data = deriveBamakoLife(story);
  const frame = createFrame(container, 'bamako-life', locale, options);
  const fadeId = `${frame.uid}-fade-in`;
  const fadeGradient = frame.defs.append('linearGradient').attr('id', fadeId);
  fadeGradient.append('stop').attr('offset', 0).attr('stop-color', MARK.neutral).attr('stop-opacity', 0);
  fadeGradient.append('stop').attr('offset', 1).attr('stop-color', MARK.neutral).attr('stop-opacity', 1);
  const september = frame.plot.append('g').attr('class', 'life-panel').attr('data-stage', 'mid-september');
  const october = frame.plot.append('g').attr('class', 'life-panel').attr('data-stage', 'october-november');
  const grid = october.append('g').attr('class', 'chart-grid');
  const axis = october.append('g').attr('class', 'chart-axis life-axis');
  const eventsLayer = october.append('g').attr('class', 'life-events');

  function layoutSeptember(width: number, d: Density): { cards: CardLayout[]; height: number } {
    const m = frame.measure;
    const valueLine = Math.round(FONT_VALUE * 1.2);
    const cols = width >= 600 ? 3 : 1;
    const gap = d.gap;
    const w = (width - (cols - 1) * gap) / cols;
    const textW = w - GLYPH - 34;
    const laid = data.indicators.map((indicator) => {
      const nameLines = wrapText(indicator.name, textW, m, FONT_LABEL, 700);
      const valueLines = wrapText(indicator.valueLabel, textW, m, FONT_VALUE, 700);
      // The date is the heading's; only a qualifier ("no figure reported") is written on a card.
      const detailLines = indicator.detail ? wrapText(indicator.detail, textW, m, FONT_SMALL) : [];
      const h = nameLines.length * d.line + valueLines.length * valueLine + detailLines.length * SMALL_LINE + 2 * d.pad;
      return { indicator, nameLines, valueLines, detailLines, h: Math.max(h, GLYPH + 2 * d.pad) };
    });
    const rowH = cols > 1 ? Math.max(...laid.map((l) => l.h)) : 0;
    let y = 0;
    const cards = laid.map((l, i) => {
      const h = cols > 1 ? rowH : l.h;
      const card = { ...l, x: (i % cols) * (w + gap), y, w, h };
      if (cols === 1 || i % cols === cols - 1) y += h + gap;
      return card;
    });
    return { cards, height: y - gap };
  }

  function layoutOctober(width: number, d: Density) {
    const m = frame.measure;
    const [from, to] = [periodOf(BAMAKO_LIFE_WINDOW[0])[0], periodOf(BAMAKO_LIFE_WINDOW[1])[1]];
    const x = timeScale([from, to], width);
    let y = 0;
    const events: EventLayout[] = data.events.map((event) => {
      const titleLines = wrapText(event.title, width, m, FONT_LABEL, 700);
      const titleW = Math.max(...titleLines.map((l) => m(l, FONT_LABEL, 700)));
      const x0 = x(event.start) - (event.qualifier === 'by' ? LEAD : 0);
      // From its mark, moved left only as far as it must to fit.
      const titleX = Math.max(0, Math.min(width - titleW, x0));
      const markY = y + titleLines.length * d.line + 2;
      const dateW = m(event.dateLabel, FONT_SMALL);
      const end = Math.max(x(event.end), x(event.start) + 4);
      const rowH = Math.max(d.mark, SMALL_LINE);
      let date: Pick<EventLayout, 'dateX' | 'dateY' | 'dateAnchor'>;
      if (end + 6 + dateW <= width) date = { dateX: end + 6, dateY: markY, dateAnchor: 'start' };
      else if (x0 - 6 - dateW >= 0) date = { dateX: x0 - 6, dateY: markY, dateAnchor: 'end' };
      else date = { dateX: Math.max(0, Math.min(width - dateW, x0)), dateY: markY + rowH, dateAnchor: 'start' };
      const layout = { event, y, titleX, titleLines, markY, ...date };
      y = Math.max(markY + rowH, date.dateY + SMALL_LINE) + d.gap;
      return layout;
    });
    const axisY = y - d.gap + 4;
    return { x, events, axisY, height: axisY + 6 + SMALL_LINE };
  }

  function draw(scene: BamakoLifeSceneData, animate: boolean): void {
    const width = frame.width();
    if (width <= 0) return;
    const isSeptember = scene.stage === 'mid-september';

    const text = describeBamakoLife(data, scene.stage, story);
    const legend: LegendItem[] = isSeptember
      ? [
          { kind: 'arrow-approximate', label: t(locale, 'chart.life.legend.approximate'), colour: MARK.neutral },
          { kind: 'arrow-qualitative', label: t(locale, 'chart.life.legend.qualitative'), colour: MARK.neutral },
        ]
      : data.events.some((e) => e.qualifier === 'by')
        ? [{ kind: 'faded', label: t(locale, 'chart.life.legend.by'), colour: MARK.neutral }]
        : [];
    frame.setText({ ...text, outlets: [...new Set([...text.outlets, ...outletsOf(story, scene.sources, 'bamako-life')])], legend });
    const budget = frame.budget();
    let d = FULL;
    let sept = layoutSeptember(width, d);
    let oct = layoutOctober(width, d);
    if ((isSeptember ? sept.height : oct.height) > budget) {
      d = COMPACT;
      sept = layoutSeptember(width, d);
      oct = layoutOctober(width, d);
    }
    const valueLine = Math.round(FONT_VALUE * 1.2);

    // Panel 1: indicator cards.
    const cardGroups = september
      .selectAll<SVGGElement, CardLayout>('g.life-indicator')
      .data(sept.cards, (c) => c.indicator.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'life-indicator');
        g.append('rect').attr('class', 'life-indicator__card').attr('fill', BACKGROUND).attr('stroke', MARK.context).attr('stroke-width', 1).attr('rx', 5);
        g.append('path').attr('class', 'life-indicator__glyph');
        g.append('text').attr('class', 'life-indicator__name chart-label').attr('font-weight', 700).attr('fill', TEXT.ink);
        g.append('text').attr('class', 'life-indicator__value chart-value').attr('font-weight', 700).attr('fill', TEXT.ink);
        g.append('text').attr('class', 'life-indicator__detail chart-note-text').attr('fill', TEXT.muted);
        return g;
      })
      .attr('data-id', (c) => c.indicator.id)
      .attr('data-kind', (c) => c.indicator.kind)
      .attr('data-direction', (c) => c.indicator.direction)
      .attr('transform', (c) => `translate(${c.x},${c.y})`);
    cardGroups.select('rect').attr('x', 0.5).attr('y', 0.5).attr('width', (c) => c.w - 1).attr('height', (c) => c.h - 1);
    cardGroups
      .select('path')
      .attr('d', (c) => glyphPath(c.indicator.direction))
      .attr('transform', (c) => `translate(12,${(c.h - GLYPH) / 2})`)
      .attr('fill', (c) => (c.indicator.kind === 'qualitative' ? BACKGROUND : c.indicator.estimate === 'approximate' ? tintOf(MARK.neutral) : MARK.neutral))
      .attr('stroke', (c) => (c.indicator.direction === 'none' ? MARK.context : MARK.neutral))
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', (c) => (c.indicator.estimate === 'approximate' ? '5 3' : null));
    cardGroups.each(function (c) {
      const g = select(this);
      const x = GLYPH + 24;
      const total = c.nameLines.length * d.line + c.valueLines.length * valueLine + c.detailLines.length * SMALL_LINE;
      const top = (c.h - total) / 2;
      setLines(g.select<SVGTextElement>('text.life-indicator__name'), c.nameLines, FONT_LABEL, d.line, x, top);
      setLines(g.select<SVGTextElement>('text.life-indicator__value'), c.valueLines, FONT_VALUE, valueLine, x, top + c.nameLines.length * d.line);
      setLines(g.select<SVGTextElement>('text.life-indicator__detail'), c.detailLines, FONT_SMALL, SMALL_LINE, x, top + c.nameLines.length * d.line + c.valueLines.length * valueLine);
    });

    // Panel 2: October–November events on a dated strip, the date beside each mark.
    const { x } = oct;
    const ticks = timeTicks(x, locale, frame.measure);
    grid
      .selectAll<SVGLineElement, TimeTick>('line')
      .data(ticks, (tk) => tk.date.toISOString())
      .join('line')
      .attr('stroke', GRID)
      .attr('x1', (tk) => x(tk.date))
      .attr('x2', (tk) => x(tk.date))
      .attr('y1', 0)
      .attr('y2', oct.axisY);
    axis
      .selectAll('line.life-axis__baseline')
      .data([0])
      .join('line')
      .attr('class', 'life-axis__baseline')
      .attr('stroke', TEXT.muted)
      .attr('x1', 0)
      .attr('x2', width)
      .attr('y1', oct.axisY)
      .attr('y2', oct.axisY);
    const tickGroups = axis
      .selectAll<SVGGElement, TimeTick>('g.life-tick')
      .data(ticks, (tk) => tk.date.toISOString())
      .join((enter) => {
        const g = enter.append('g').attr('class', 'life-tick');
        g.append('line').attr('stroke', TEXT.muted).attr('y2', 5);
        g.append('text').attr('fill', TEXT.muted);
        return g;
      })
      .attr('transform', (tk) => `translate(${x(tk.date)},${oct.axisY})`);
    tickGroups.select<SVGTextElement>('text').each(function (tk) {
      setLines(select(this), tk.labelled ? [tk.label] : [], FONT_SMALL, SMALL_LINE, 3, 5);
    });

    const eventGroups = eventsLayer
      .selectAll<SVGGElement, EventLayout>('g.life-event')
      .data(oct.events, (e) => e.event.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'life-event');
        g.append('text').attr('class', 'life-event__title chart-label chart-halo').attr('font-weight', 700).attr('fill', TEXT.ink);
        g.append('rect').attr('class', 'life-event__lead');
        g.append('rect').attr('class', 'life-event__mark');
        g.append('text').attr('class', 'life-event__date chart-note-text chart-halo').attr('fill', TEXT.muted);
        return g;
      })
      .attr('data-id', (e) => e.event.id)
      .attr('data-precision', (e) => (e.event.isSpan ? 'span' : e.event.precision))
      .attr('data-qualifier', (e) => e.event.qualifier);
    eventGroups.each(function (e) {
      const g = select(this);
      setLines(g.select<SVGTextElement>('text.life-event__title'), e.titleLines, FONT_LABEL, d.line, e.titleX, e.y);
      const x0 = x(e.event.start);
      const w = Math.max(3, x(e.event.end) - x0);
      const point = e.event.precision === 'day' && !e.event.isSpan;
      const markTop = e.markY + (SMALL_LINE - d.mark) / 2;
      g.select('rect.life-event__mark')
        .attr('x', point ? x0 + w / 2 - 2 : x0)
        .attr('width', point ? 4 : w)
        .attr('y', markTop)
        .attr('height', d.mark)
        .attr('fill', MARK.neutral);
      // Known only to have happened "by" its date: a faded lead-in before it.
      g.select('rect.life-event__lead')
        .attr('x', x0 + (point ? w / 2 - 2 : 0) - LEAD)
        .attr('width', e.event.qualifier === 'by' ? LEAD : 0)
        .attr('y', markTop)
        .attr('height', d.mark)
        .attr('fill', `url(#${fadeId})`);
      setLines(g.select<SVGTextElement>('text.life-event__date').attr('text-anchor', e.dateAnchor), [e.event.dateLabel], FONT_SMALL, SMALL_LINE, e.dateX, e.dateY);
    });

    // Show the active panel.
    const height = isSeptember ? sept.height : oct.height;
    frame.setSize(width, Math.ceil(height + 2));
    frame.figure.dataset.layout = d.name;
    for (const [panel, active] of [
      [september, isSeptember],
      [october, !isSeptember],
    ] as const) {
      panel.classed('is-active', active).interrupt('visibility');
      if (active) panel.attr('visibility', 'visible');
      else if (animate) panel.transition('visibility').delay(DURATION_MS).duration(0).attr('visibility', 'hidden');
      else panel.attr('visibility', 'hidden');
      motion(panel, animate).style('opacity', active ? 1 : 0);
    }
    frame.figure.dataset.state = scene.stage;
  }

  return chartInstance(draw, (previous, next) => previous.stage !== next.stage);
}
