/**
 * Fuel traffic from Senegal, as horizontal bars on one count scale:
 *  - `normal`: more than 100 tanker trucks a day, usually (open-ended bar);
 *  - `standstill`: adds one importer's remark that traffic had "come to a
 *    standstill", as words with no bar (the source gives no number);
 *  - `burned`: about 100 tanker trucks set on fire over two weekends (dashed);
 *  - `sept-14`: the attack of 14 September 2025 counted three ways — at least
 *    40 (Reuters), 51 (ACLED), 80 (a JNIM source) — each bar naming its
 *    source, with the convoy of more than 100 vehicles as an outline for context.
 * Initialize once (`create`), update for each scene; data from
 * `deriveFuelTraffic` (story.figures).
 *
 * Marks: `g.fuel-row[data-id=<figure id>][data-estimate][data-role]` with
 * `rect.bar`, `rect.bar__open`, `text.fuel-row__name`, `text.fuel-row__value`.
 */
import { select } from 'd3-selection';
import type { FuelTrafficSceneData, StoryData } from '../story/types';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/ui';
import { createFrame, type LegendItem } from './frame';
import { deriveFuelTraffic, describeFuelTraffic, fuelTrafficRows, type FuelTrafficRow, type FuelTrafficStage } from './data/fuel-traffic';
import { outletsOf } from './data/lookup';
import { countScale, FONT_LABEL, FONT_SMALL, LINE_HEIGHT } from './scales';
import { drawBars, barExtent, isLowerBound, type BarSpec } from './marks';
import { wrapText } from './text';
import { setLines } from './svg-text';
import { motion } from './motion';
import { MARK, TEXT } from './palette';
import type { ChartInstance } from './types';
import { chartInstance } from './instance';
import { drawValueAxis } from './value-axis';

interface RowLayout extends BarSpec {
  row: FuelTrafficRow;
  y: number;
  nameLines: string[];
  valueInline: boolean;
  valueX: number;
  barY: number;
}

const BAR = 22;
const GAP = 16;

const colourOf = (row: FuelTrafficRow): string =>
  row.role === 'context' ? MARK.grey : row.id.startsWith('tankers-daily') ? MARK.blue : MARK.vermillion;

/**
 * Creates the fuel-traffic chart in `container` (initialize once).
 * Throws when a figure it needs is missing from `story` (see `deriveFuelTraffic`).
 */
export function create(container: HTMLElement, story: StoryData): ChartInstance<FuelTrafficSceneData> {
  const { locale } = story;
  const data = deriveFuelTraffic(story);
  const frame = createFrame(container, 'fuel-traffic', locale);
  const grid = frame.plot.append('g').attr('class', 'chart-grid');
  const rowsLayer = frame.plot.append('g').attr('class', 'fuel-rows');
  const axisLayer = frame.plot.append('g').attr('class', 'chart-axis');

  function draw(scene: FuelTrafficSceneData, animate: boolean): void {
    const width = frame.width();
    if (width <= 0) return;
    const stage: FuelTrafficStage = scene.stage;
    const m = frame.measure;
    const line = Math.round(FONT_LABEL * LINE_HEIGHT);
    const plotWidth = width - 2;
    const x = countScale(data.max, plotWidth);
    const open = Math.max(18, plotWidth * 0.07);

    let y = 4;
    const layout: RowLayout[] = fuelTrafficRows(data, stage).map((row) => {
      const nameLines = wrapText(row.name, width, m, FONT_LABEL, 700);
      // A state (words, no number) gets no bar: its words stand where a bar would start.
      const spec = { end: row.value === null ? 0 : x(row.value), open, estimate: row.estimate };
      const valueX = barExtent(spec) + 6;
      const valueInline = valueX + m(row.valueLabel, FONT_LABEL, 700) <= width;
      const headerLines = nameLines.length + (valueInline ? 0 : 1);
      const top = y + (row.role === 'context' ? 10 : 0);
      const barY = headerLines * line + 4;
      y = top + barY + BAR + GAP;
      return { ...spec, id: row.id, role: row.role === 'context' ? 'context' : 'measure', colour: colourOf(row), height: BAR, row, y: top, nameLines, valueInline, valueX, barY };
    });
    const barsBottom = y - GAP + 6;
    const axisY = barsBottom;
    const height = axisY + 8 + FONT_SMALL * LINE_HEIGHT + 4;
    frame.setSize(width, Math.ceil(height));

    // Gridlines and axis (counts), labels kept inside the chart.
    drawValueAxis(grid, axisLayer, x, (v) => formatNumber(v, locale), m, { top: 0, axisY, plotWidth });

    // Rows: one group per figure, keyed by figure id.
    const rows = rowsLayer
      .selectAll<SVGGElement, RowLayout>('g.fuel-row')
      .data(layout, (d) => d.id)
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'fuel-row').attr('transform', (d) => `translate(0,${d.y})`).style('opacity', 0);
          g.append('text').attr('class', 'fuel-row__name chart-label').attr('font-weight', 700).attr('fill', TEXT.ink);
          g.append('text').attr('class', 'fuel-row__value chart-value').attr('font-weight', 700).attr('fill', TEXT.ink);
          g.append('g').attr('class', 'fuel-row__bar');
          return g;
        },
        (update) => update,
        (exit) => motion(exit, animate).style('opacity', 0).remove(),
      )
      .attr('data-id', (d) => d.id)
      .attr('data-estimate', (d) => d.estimate)
      .attr('data-role', (d) => d.role)
      .attr('data-value', (d) => d.row.value ?? '');
    motion(rows, animate).attr('transform', (d) => `translate(0,${d.y})`).style('opacity', 1);

    rows.select<SVGTextElement>('text.fuel-row__name').each(function (d) {
      setLines(select(this), d.nameLines, FONT_LABEL, line);
    });
    rows.select<SVGTextElement>('text.fuel-row__value').each(function (d) {
      const text = select(this);
      if (d.valueInline) {
        setLines(text, [d.row.valueLabel], FONT_LABEL, line, d.valueX, d.barY + (BAR - line) / 2 + 2);
      } else {
        setLines(text, [d.row.valueLabel], FONT_LABEL, line, 0, d.nameLines.length * line);
      }
      text.attr('data-inline', String(d.valueInline));
    });
    const bars = rows.select<SVGGElement>('g.fuel-row__bar').attr('transform', (d) => `translate(0,${d.barY})`);
    drawBars(bars.datum((d) => d as BarSpec), frame.defs, frame.uid, animate);

    // Words around the drawing.
    const shown = layout.map((l) => l.row);
    const text = describeFuelTraffic(data, stage, x.domain()[1], locale);
    const legend: LegendItem[] = [];
    if (shown.some((r) => r.role === 'measure' && r.estimate === 'exact')) legend.push({ kind: 'exact', label: t(locale, 'chart.legend.exact'), colour: colourOf(shown.find((r) => r.role === 'measure' && r.estimate === 'exact')!) });
    if (shown.some((r) => r.estimate === 'approximate')) legend.push({ kind: 'approximate', label: t(locale, 'chart.legend.approximate'), colour: colourOf(shown.find((r) => r.estimate === 'approximate')!) });
    if (shown.some((r) => r.role === 'measure' && isLowerBound(r.estimate))) legend.push({ kind: 'lower-bound', label: t(locale, 'chart.legend.lowerBound'), colour: colourOf(shown.find((r) => r.role === 'measure' && isLowerBound(r.estimate))!) });
    if (shown.some((r) => r.role === 'context')) legend.push({ kind: 'context', label: t(locale, 'chart.legend.context'), colour: MARK.grey });
    frame.setText({
      ...text,
      outlets: [...new Set([...text.outlets, ...outletsOf(story, scene.sources, 'fuel-traffic')])],
      legend,
    });
    frame.figure.dataset.state = stage;
  }

  return chartInstance(draw);
}
