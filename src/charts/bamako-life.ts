/**
 * Life in Bamako, shown only as far as it is known — no invented series:
 *  - `mid-september`: three indicators from BBC News: fuel prices up about
 *    10% (a dashed arrow: approximate), power cuts more frequent (an outline
 *    arrow: a direction with no figure), no outright fuel shortage (a level
 *    sign: it had not happened);
 *  - `october-november`: the events of October–November 2025 on a dated
 *    strip: long fuel queues (known to the month: drawn as the month),
 *    schools and universities closed 27 October – 9 November (a span), the
 *    US (28 October) and France (7 November) telling citizens to leave.
 * Initialize once (`create`), update for each scene; data from `deriveBamakoLife`.
 *
 * Marks: `g.life-indicator[data-id=fuel-prices|power-cuts|fuel-supply][data-kind]`,
 * `g.life-event[data-id=<event id>][data-precision]`, panels
 * `g.life-panel[data-stage]` (`.is-active`).
 */
import { select } from 'd3-selection';
import type { BamakoLifeSceneData, StoryData } from '../story/types';
import { t } from '../i18n/ui';
import { createFrame, type LegendItem } from './frame';
import { BAMAKO_LIFE_WINDOW, deriveBamakoLife, describeBamakoLife, type LifeEvent, type LifeIndicator } from './data/bamako-life';
import { periodOf } from './data/periods';
import { outletsOf } from './data/lookup';
import { FONT_LABEL, FONT_SMALL, LINE_HEIGHT, timeScale, timeTicks, type TimeTick } from './scales';
import { wrapText, widestLine } from './text';
import { setLines } from './svg-text';
import { DURATION_MS, motion } from './motion';
import { GRID, MARK, TEXT, TINT } from './palette';
import type { ChartInstance } from './types';
import { chartInstance } from './instance';

const GLYPH = 40;
const FONT_VALUE = 18;

/** SVG path (40 × 40 px box) of an indicator's glyph: an up arrow, or a level bar for "did not happen". */
function glyphPath(direction: LifeIndicator['direction']): string {
  return direction === 'up'
    ? 'M20,3 L36,20 L26,20 L26,37 L14,37 L14,20 L4,20 Z'
    : 'M4,15 H36 V25 H4 Z';
}

interface CardLayout {
  indicator: LifeIndicator;
  x: number;
  y: number;
  w: number;
  nameLines: string[];
  valueLines: string[];
  detailLines: string[];
}

interface EventLayout {
  event: LifeEvent;
  y: number;
  labelX: number;
  titleLines: string[];
}

/**
 * Creates the Bamako chart in `container` (initialize once).
 * Throws when a figure or event it needs is missing (see `deriveBamakoLife`).
 */
export function create(container: HTMLElement, story: StoryData): ChartInstance<BamakoLifeSceneData> {
  const { locale } = story;
  const data = deriveBamakoLife(story);
  const frame = createFrame(container, 'bamako-life', locale);
  const september = frame.plot.append('g').attr('class', 'life-panel').attr('data-stage', 'mid-september');
  const october = frame.plot.append('g').attr('class', 'life-panel').attr('data-stage', 'october-november');
  const grid = october.append('g').attr('class', 'chart-grid');
  const axis = october.append('g').attr('class', 'chart-axis life-axis');
  const eventsLayer = october.append('g').attr('class', 'life-events');

  function layoutSeptember(width: number): { cards: CardLayout[]; height: number } {
    const m = frame.measure;
    const line = Math.round(FONT_LABEL * LINE_HEIGHT);
    const small = Math.round(FONT_SMALL * LINE_HEIGHT);
    const cols = width >= 720 ? 3 : 1;
    const gap = 14;
    const w = (width - (cols - 1) * gap) / cols;
    const textW = w - GLYPH - 30;
    const laid = data.indicators.map((indicator) => {
      const nameLines = wrapText(indicator.name, textW, m, FONT_LABEL, 700);
      const valueLines = wrapText(indicator.valueLabel, textW, m, FONT_VALUE, 700);
      const detail = indicator.detail ?? t(locale, 'graphic.asOf', { date: indicator.when });
      const detailLines = wrapText(detail, textW, m, FONT_SMALL);
      const h = nameLines.length * line + valueLines.length * Math.round(FONT_VALUE * 1.2) + detailLines.length * small + 24;
      return { indicator, nameLines, valueLines, detailLines, h };
    });
    const rowH = cols > 1 ? Math.max(...laid.map((l) => l.h), GLYPH + 24) : 0;
    let y = 0;
    const cards = laid.map((l, i) => {
      const h = cols > 1 ? rowH : Math.max(l.h, GLYPH + 24);
      const card = { ...l, x: (i % cols) * (w + gap), y, w, h };
      if (cols === 1 || i % cols === cols - 1) y += h + gap;
      return card;
    });
    return { cards, height: y - gap };
  }

  function draw(scene: BamakoLifeSceneData, animate: boolean): void {
    const width = frame.width();
    if (width <= 0) return;
    const m = frame.measure;
    const line = Math.round(FONT_LABEL * LINE_HEIGHT);
    const small = Math.round(FONT_SMALL * LINE_HEIGHT);
    const valueLine = Math.round(FONT_VALUE * 1.2);
    const isSeptember = scene.stage === 'mid-september';

    // Panel 1: indicator cards.
    const { cards, height: septemberHeight } = layoutSeptember(width);
    const cardGroups = september
      .selectAll<SVGGElement, CardLayout & { h: number }>('g.life-indicator')
      .data(cards as (CardLayout & { h: number })[], (d) => d.indicator.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'life-indicator');
        g.append('rect').attr('class', 'life-indicator__card').attr('fill', '#ffffff').attr('stroke', '#949494').attr('rx', 6);
        g.append('path').attr('class', 'life-indicator__glyph');
        g.append('text').attr('class', 'life-indicator__name chart-label').attr('font-weight', 700).attr('fill', TEXT.ink);
        g.append('text').attr('class', 'life-indicator__value chart-value').attr('font-weight', 700).attr('fill', TEXT.ink);
        g.append('text').attr('class', 'life-indicator__detail chart-note-text').attr('fill', TEXT.soft);
        return g;
      })
      .attr('data-id', (d) => d.indicator.id)
      .attr('data-kind', (d) => d.indicator.kind)
      .attr('data-direction', (d) => d.indicator.direction)
      .attr('transform', (d) => `translate(${d.x},${d.y})`);
    cardGroups.select('rect').attr('x', 0.5).attr('y', 0.5).attr('width', (d) => d.w - 1).attr('height', (d) => d.h - 1);
    cardGroups
      .select('path')
      .attr('d', (d) => glyphPath(d.indicator.direction))
      .attr('transform', (d) => `translate(12,${(d.h - GLYPH) / 2})`)
      .attr('fill', (d) => (d.indicator.kind === 'qualitative' ? '#ffffff' : d.indicator.estimate === 'approximate' ? TINT.vermillion : MARK.vermillion))
      .attr('stroke', (d) => (d.indicator.direction === 'none' ? MARK.grey : MARK.vermillion))
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', (d) => (d.indicator.estimate === 'approximate' ? '5 3' : null));
    cardGroups.each(function (d) {
      const g = select(this);
      const x = GLYPH + 24;
      const total = d.nameLines.length * line + d.valueLines.length * valueLine + d.detailLines.length * small;
      const top = (d.h - total) / 2;
      setLines(g.select<SVGTextElement>('text.life-indicator__name'), d.nameLines, FONT_LABEL, line, x, top);
      setLines(g.select<SVGTextElement>('text.life-indicator__value'), d.valueLines, FONT_VALUE, valueLine, x, top + d.nameLines.length * line);
      setLines(g.select<SVGTextElement>('text.life-indicator__detail'), d.detailLines, FONT_SMALL, small, x, top + d.nameLines.length * line + d.valueLines.length * valueLine);
    });

    // Panel 2: October–November events on a dated strip.
    const [from, to] = [periodOf(BAMAKO_LIFE_WINDOW[0])[0], periodOf(BAMAKO_LIFE_WINDOW[1])[1]];
    const x = timeScale([from, to], width);
    let y = 0;
    const eventLayout: EventLayout[] = data.events.map((event) => {
      const titleLines = wrapText(event.title, width, m, FONT_LABEL, 700);
      const w = Math.max(widestLine(titleLines, m, FONT_LABEL, 700), m(event.dateLabel, FONT_SMALL));
      const labelX = Math.max(0, Math.min(width - w, x(event.start)));
      const layout = { event, y, labelX, titleLines };
      y += titleLines.length * line + small + 6 + 14 + 16;
      return layout;
    });
    const axisY = y;
    const ticks = timeTicks(x, locale, m);
    const octoberHeight = axisY + 8 + small + 6;
    grid
      .selectAll<SVGLineElement, TimeTick>('line')
      .data(ticks, (d) => d.date.toISOString())
      .join('line')
      .attr('stroke', GRID)
      .attr('x1', (d) => x(d.date))
      .attr('x2', (d) => x(d.date))
      .attr('y1', 0)
      .attr('y2', axisY);
    axis
      .selectAll('line.life-axis__baseline')
      .data([0])
      .join('line')
      .attr('class', 'life-axis__baseline')
      .attr('stroke', TEXT.soft)
      .attr('x1', 0)
      .attr('x2', width)
      .attr('y1', axisY)
      .attr('y2', axisY);
    const tickGroups = axis
      .selectAll<SVGGElement, TimeTick>('g.life-tick')
      .data(ticks, (d) => d.date.toISOString())
      .join((enter) => {
        const g = enter.append('g').attr('class', 'life-tick');
        g.append('line').attr('stroke', TEXT.soft).attr('y2', 6);
        g.append('text').attr('fill', TEXT.soft);
        return g;
      })
      .attr('transform', (d) => `translate(${x(d.date)},${axisY})`);
    tickGroups.select<SVGTextElement>('text').each(function (d) {
      setLines(select(this), d.labelled ? [d.label] : [], FONT_SMALL, small, 3, 8);
    });

    const eventGroups = eventsLayer
      .selectAll<SVGGElement, EventLayout>('g.life-event')
      .data(eventLayout, (d) => d.event.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'life-event');
        g.append('text').attr('class', 'life-event__title chart-label').attr('font-weight', 700).attr('fill', TEXT.ink);
        g.append('text').attr('class', 'life-event__date chart-note-text').attr('fill', TEXT.soft);
        g.append('rect').attr('class', 'life-event__mark');
        return g;
      })
      .attr('data-id', (d) => d.event.id)
      .attr('data-precision', (d) => (d.event.isSpan ? 'span' : d.event.precision))
      .attr('transform', (d) => `translate(0,${d.y})`);
    eventGroups.each(function (d) {
      const g = select(this);
      setLines(g.select<SVGTextElement>('text.life-event__title'), d.titleLines, FONT_LABEL, line, d.labelX, 0);
      setLines(g.select<SVGTextElement>('text.life-event__date'), [d.event.dateLabel], FONT_SMALL, small, d.labelX, d.titleLines.length * line);
      const markY = d.titleLines.length * line + small + 6;
      const x0 = x(d.event.start);
      const w = Math.max(3, x(d.event.end) - x0);
      const period = d.event.precision !== 'day' && !d.event.isSpan;
      const point = d.event.precision === 'day' && !d.event.isSpan;
      g.select('rect.life-event__mark')
        .attr('x', point ? x0 + w / 2 - 2 : x0)
        .attr('width', point ? 4 : w)
        .attr('y', markY)
        .attr('height', 14)
        .attr('fill', period ? TINT.vermillion : MARK.vermillion)
        .attr('stroke', period ? MARK.vermillion : 'none')
        .attr('stroke-width', 1.5);
    });

    // Show the active panel.
    const height = isSeptember ? septemberHeight : octoberHeight;
    frame.setSize(width, Math.ceil(height + 2));
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

    const text = describeBamakoLife(data, scene.stage, story);
    const legend: LegendItem[] = isSeptember
      ? [
          { kind: 'arrow-approximate', label: t(locale, 'chart.life.legend.approximate'), colour: MARK.vermillion },
          { kind: 'arrow-qualitative', label: t(locale, 'chart.life.legend.qualitative'), colour: MARK.vermillion },
        ]
      : [
          { kind: 'event-day', label: t(locale, 'chart.legend.eventDay'), colour: MARK.vermillion },
          { kind: 'event-month', label: t(locale, 'chart.legend.eventMonth'), colour: MARK.vermillion },
          { kind: 'event-span', label: t(locale, 'chart.legend.eventSpan'), colour: MARK.vermillion },
        ];
    frame.setText({
      ...text,
      outlets: [...new Set([...text.outlets, ...outletsOf(story, scene.sources, 'bamako-life')])],
      legend,
    });
    frame.figure.dataset.state = scene.stage;
  }

  return chartInstance(draw, (previous, next) => previous.stage !== next.stage);
}
