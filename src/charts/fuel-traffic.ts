/**
 * Fuel traffic from Senegal, as horizontal bars on one count scale whose axis
 * says what is counted ("Tanker trucks a day", "Tankers destroyed"); each bar
 * is named above itself and its value is written at its end:
 *  - `normal`: more than 100 tanker trucks a day, usually (a dark grey bar
 *    with an open end: a lower bound);
 *  - `standstill`: adds one importer's remark, dated to when it was reported
 *    ("One importer, September 2025: “come to a standstill”"), as words with
 *    no bar and no value: the source gives no number;
 *  - `burned`: about 100 tanker trucks set on fire over two weekends (accent,
 *    dashed: approximate);
 *  - `sept-14`: the attack of 14 September 2025 counted three ways — at least
 *    40 (Reuters), 51 (ACLED), 80 (a JNIM source) — in the accent colour,
 *    with the convoy's size as an annotation ("The convoy: more than 100
 *    vehicles"), never a bar on the tankers' axis.
 * At most one legend key (the lower bound's open end, or the dashed outline).
 * Rows get thinner when the pane is short (`frame.budget()`).
 * Initialize once (`create`), update for each scene; data from
 * `deriveFuelTraffic` (story.figures, story.events).
 *
 * Marks: `g.fuel-row[data-id=<figure or event id>][data-estimate][data-role]`
 * with `rect.bar`, `rect.bar__open`, `text.fuel-row__name`, `text.fuel-row__value`
 * (a state row: `text.fuel-row__state`, no bar); `text.fuel-axis-title`;
 * `g.fuel-annotation[data-id=sept14-convoy-vehicles]`.
 */
import { select } from 'd3-selection';
import type { FuelTrafficSceneData, StoryData } from '../story/types';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/ui';
import { createFrame, type FrameOptions, type LegendItem } from './frame';
import {
  convoyAnnotation,
  deriveFuelTraffic,
  describeFuelTraffic,
  fuelTrafficAxisTitle,
  fuelTrafficRows,
  FUEL_TRAFFIC_FIGURE_IDS,
  type FuelTrafficRow,
  type FuelTrafficStage,
} from './data/fuel-traffic';
import { outletsOf } from './data/lookup';
import { countScale, FONT_LABEL, FONT_SMALL } from './scales';
import { drawBars, isLowerBound, valuePlacement, type BarSpec, type ValuePlacement } from './marks';
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
  /** A state's words (no bar) and its note. */
  stateLines: string[];
  noteLines: string[];
  value: ValuePlacement;
  barY: number;
}

/** The vertical rhythm of one layout, px. */
interface Density {
  name: 'full' | 'compact';
  line: number;
  bar: number;
  gap: number;
}
const FULL: Density = { name: 'full', line: 18, bar: 20, gap: 14 };
const COMPACT: Density = { name: 'compact', line: 16, bar: 17, gap: 8 };
const SMALL_LINE = Math.round(FONT_SMALL * 1.3);

/** The colour of a row's bar: usual traffic is neutral data; tankers burned or destroyed are attacks (accent). */
const colourOf = (row: FuelTrafficRow): string => (row.id === FUEL_TRAFFIC_FIGURE_IDS.normal ? MARK.neutral : MARK.accent);

/**
 * Creates the fuel-traffic chart in `container` (initialize once).
 * `options.available` (from the controller) gives the height in px the
 * figure may take in its pane; without it the chart takes the room it needs.
 * Throws when a figure it needs is missing from `story` (see `deriveFuelTraffic`).
 */
export function create(container: HTMLElement, story: StoryData, options: FrameOptions = {}): ChartInstance<FuelTrafficSceneData> {
  const { locale } = story;
  const data = deriveFuelTraffic(story);
  const frame = createFrame(container, 'fuel-traffic', locale, options);
  const grid = frame.plot.append('g').attr('class', 'chart-grid');
  const rowsLayer = frame.plot.append('g').attr('class', 'fuel-rows');
  const axisLayer = frame.plot.append('g').attr('class', 'chart-axis');
  const axisTitle = frame.plot.append('text').attr('class', 'fuel-axis-title chart-note-text chart-halo').attr('fill', TEXT.muted);
  const annotation = frame.plot.append('g').attr('class', 'fuel-annotation').attr('data-id', FUEL_TRAFFIC_FIGURE_IDS.convoy);
  const annotationRule = annotation.append('line').attr('stroke', MARK.context).attr('stroke-width', 1);
  const annotationText = annotation.append('text').attr('class', 'fuel-annotation__text chart-label').attr('fill', TEXT.ink);

  function layout(stage: FuelTrafficStage, d: Density, width: number) {
    const m = frame.measure;
    const plotWidth = width - 2;
    const x = countScale(data.max, plotWidth);
    const open = Math.max(16, plotWidth * 0.06);
    let y = 2;
    const rows: RowLayout[] = fuelTrafficRows(data, stage)
      .filter((row) => row.role !== 'context')
      .map((row) => {
        const state = row.role === 'state';
        const nameLines = state ? [] : wrapText(row.name, width, m, FONT_LABEL, 700);
        const stateLines = state ? wrapText(row.stateLabel ?? row.valueLabel, width, m, FONT_LABEL, 700) : [];
        const noteLines = state && row.stateNote ? wrapText(row.stateNote, width, m, FONT_SMALL) : [];
        const spec = { end: row.value === null ? 0 : x(row.value), open, estimate: row.estimate };
        const value = valuePlacement(spec, m(row.valueLabel, FONT_LABEL, 700), width);
        const top = y;
        const barY = (nameLines.length + (value.position === 'above' && !state ? 1 : 0)) * d.line + 3;
        const rowHeight = state ? stateLines.length * d.line + noteLines.length * SMALL_LINE : barY + d.bar;
        y = top + rowHeight + d.gap;
        return { ...spec, id: row.id, role: 'measure' as const, colour: colourOf(row), height: d.bar, row, y: top, nameLines, stateLines, noteLines, value, barY };
      });
    const axisY = y - d.gap + 6;
    const titleY = axisY + 6 + SMALL_LINE;
    let height = titleY + SMALL_LINE;
    let annotationY: number | undefined;
    let annotationLines: string[] = [];
    if (stage === 'sept-14') {
      annotationLines = wrapText(convoyAnnotation(data, locale), width, m, FONT_LABEL);
      annotationY = height + (d.name === 'full' ? 12 : 8);
      height = annotationY + 6 + annotationLines.length * d.line;
    }
    return { x, plotWidth, rows, axisY, titleY, height: Math.ceil(height), annotationY, annotationLines };
  }

  function draw(scene: FuelTrafficSceneData, animate: boolean): void {
    const width = frame.width();
    if (width <= 0) return;
    const stage: FuelTrafficStage = scene.stage;
    const shown = fuelTrafficRows(data, stage);

    // Words first (they take room the drawing must leave): at most one legend key.
    const bars = shown.filter((r) => r.role === 'measure');
    const legend: LegendItem[] = [];
    const lower = bars.find((r) => isLowerBound(r.estimate));
    const approximate = bars.find((r) => r.estimate === 'approximate');
    if (lower) legend.push({ kind: 'lower-bound', label: t(locale, 'chart.legend.lowerBound'), colour: colourOf(lower) });
    else if (approximate) legend.push({ kind: 'approximate', label: t(locale, 'chart.legend.approximate'), colour: colourOf(approximate) });
    const described = describeFuelTraffic(data, stage, countScale(data.max, Math.max(1, width - 2)).domain()[1], locale);
    frame.setText({ ...described, outlets: [...new Set([...described.outlets, ...outletsOf(story, scene.sources, 'fuel-traffic')])], legend });
    const budget = frame.budget();
    let l = layout(stage, FULL, width);
    let density = FULL;
    if (l.height > budget) {
      l = layout(stage, COMPACT, width);
      density = COMPACT;
    }
    const d = density;
    frame.setSize(width, l.height);
    frame.figure.dataset.layout = d.name;

    // Gridlines and axis (counts), labels kept inside the chart, and the axis title.
    drawValueAxis(grid, axisLayer, l.x, (v) => formatNumber(v, locale), frame.measure, { top: 0, axisY: l.axisY, plotWidth: l.plotWidth });
    setLines(axisTitle, [fuelTrafficAxisTitle(stage, locale)], FONT_SMALL, SMALL_LINE, 0, l.titleY);

    // Rows: one group per figure (or state), keyed by id.
    const rows = rowsLayer
      .selectAll<SVGGElement, RowLayout>('g.fuel-row')
      .data(l.rows, (r) => r.id)
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'fuel-row').attr('transform', (r) => `translate(0,${r.y})`).style('opacity', 0);
          g.append('text').attr('class', 'fuel-row__name chart-label chart-halo').attr('font-weight', 700).attr('fill', TEXT.ink);
          g.append('text').attr('class', 'fuel-row__state chart-label chart-halo').attr('font-weight', 700).attr('fill', TEXT.ink);
          g.append('text').attr('class', 'fuel-row__note chart-note-text chart-halo').attr('fill', TEXT.muted);
          g.append('g').attr('class', 'fuel-row__bar');
          // After the bar, so a value written inside the bar sits on top of it.
          g.append('text').attr('class', 'fuel-row__value chart-value').attr('font-weight', 700).attr('fill', TEXT.ink);
          return g;
        },
        (update) => update,
        (exit) => motion(exit, animate).style('opacity', 0).remove(),
      )
      .attr('data-id', (r) => r.id)
      .attr('data-estimate', (r) => (r.row.role === 'state' ? null : r.estimate))
      .attr('data-role', (r) => r.row.role)
      .attr('data-value', (r) => r.row.value ?? '');
    motion(rows, animate).attr('transform', (r) => `translate(0,${r.y})`).style('opacity', 1);

    rows.select<SVGTextElement>('text.fuel-row__name').each(function (r) {
      setLines(select(this), r.nameLines, FONT_LABEL, d.line);
    });
    rows.select<SVGTextElement>('text.fuel-row__state').each(function (r) {
      setLines(select(this), r.stateLines, FONT_LABEL, d.line);
    });
    rows.select<SVGTextElement>('text.fuel-row__note').each(function (r) {
      setLines(select(this), r.noteLines, FONT_SMALL, SMALL_LINE, 0, r.stateLines.length * d.line);
    });
    rows.select<SVGTextElement>('text.fuel-row__value').each(function (r) {
      const text = select(this);
      const label = r.row.role === 'state' ? [] : [r.row.valueLabel];
      const { position, x, anchor, fill } = r.value;
      text.attr('text-anchor', anchor).attr('fill', fill).attr('data-position', position);
      if (position === 'above') setLines(text, label, FONT_LABEL, d.line, x, r.nameLines.length * d.line);
      else setLines(text, label, FONT_LABEL, d.line, x, r.barY + (d.bar - d.line) / 2);
    });
    // A state has no bar at all: no zero, no sliver.
    const barGroups = rows.select<SVGGElement>('g.fuel-row__bar').attr('transform', (r) => `translate(0,${r.barY})`);
    barGroups.filter((r) => r.row.role === 'state').selectAll('*').remove();
    drawBars(barGroups.filter((r) => r.row.role !== 'state').datum((r) => r as BarSpec), frame.defs, frame.uid, animate);

    // The convoy: an annotation in words, under the axis.
    annotation.attr('data-visible', String(l.annotationY !== undefined));
    motion(annotation, animate).style('opacity', l.annotationY !== undefined ? 1 : 0);
    if (l.annotationY !== undefined) {
      annotation.style('display', null);
      annotationRule.attr('x1', 0).attr('x2', Math.min(width, 48)).attr('y1', l.annotationY).attr('y2', l.annotationY);
      setLines(annotationText, l.annotationLines, FONT_LABEL, d.line, 0, l.annotationY + 6);
    } else {
      annotation.style('display', 'none');
    }
    frame.figure.dataset.state = stage;
  }

  return chartInstance(draw);
}
