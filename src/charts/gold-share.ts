/**
 * Kayes and Mali's gold, as 10 × 10 grids of squares (one square = 1% of
 * Mali's gold production): dark squares are the Kayes region's share, pale
 * ones the rest of Mali; the grid has a grey frame. An approximate share
 * ("about") gets a dashed outline around the dark block.
 *  - `share`: about 80% (the September 2025 news report), the grid with its
 *    value, name and source beside it;
 *  - `compare`: adds ISS Today's estimate (April 2021) as a second grid
 *    beside the first, each with its value and source under it, and Mali's
 *    2023 industrial output as a context line (never multiplied with a
 *    share: different years and sources).
 * Neutral data, so ink and greys, no accent. The grids shrink to fit the
 * pane (`frame.budget()`). Initialize once (`create`), update for each
 * scene; data from `deriveGoldShare`.
 *
 * Marks: `g.waffle[data-id=<figure id>][data-filled=<n>]` with
 * `rect.waffle__cell` (`.is-filled`), `rect.waffle__frame`, `path.waffle__outline`,
 * `text.waffle__value`.
 */
import { select } from 'd3-selection';
import type { GoldShareSceneData, StoryData } from '../story/types';
import { t } from '../i18n/ui';
import { createFrame, type FrameOptions } from './frame';
import { deriveGoldShare, describeGoldShare, goldShares, type GoldShare } from './data/gold-share';
import { outletsOf } from './data/lookup';
import { FONT_LABEL, FONT_SMALL } from './scales';
import { TYPE } from '../design/tokens';
import { wrapText } from './text';
import { setLines } from './svg-text';
import { motion } from './motion';
import { MARK, TEXT, TINT } from './palette';
import type { ChartInstance } from './types';
import { chartInstance } from './instance';

/** The share's value, the chart's headline number: the graphics' heading size (TYPE.heading). */
const FONT_BIG = TYPE.heading;
const BIG_LINE = Math.round(FONT_BIG * 1.25);
const LINE = 18;
const SMALL_LINE = Math.round(FONT_SMALL * 1.3);
const CELLS = Array.from({ length: 100 }, (_, i) => i);

interface WaffleLayout {
  share: GoldShare;
  x: number;
  y: number;
  size: number;
  labelX: number;
  labelY: number;
  valueLines: string[];
  nameLines: string[];
  sourceLines: string[];
}

/**
 * The outline (SVG path, pixels) around the first `filled` cells of a 10 × 10
 * grid filled column by column, top to bottom, with cells `cell` px apart.
 */
export function waffleOutline(filled: number, cell: number): string {
  const full = Math.floor(filled / 10);
  const rest = filled % 10;
  if (filled <= 0) return '';
  if (rest === 0) return `M0,0 H${full * cell} V${10 * cell} H0 Z`;
  return `M0,0 H${(full + 1) * cell} V${rest * cell} H${full * cell} V${10 * cell} H0 Z`;
}

/**
 * Creates the gold-share chart in `container` (initialize once).
 * `options.available` (from the controller) gives the height in px the
 * figure may take in its pane; without it the chart takes the room it needs.
 * Throws when a figure it needs is missing (see `deriveGoldShare`).
 */
export function create(container: HTMLElement, story: StoryData, options: FrameOptions = {}): ChartInstance<GoldShareSceneData> {
  const { locale } = story;
  const data = deriveGoldShare(story);
  const frame = createFrame(container, 'gold-share', locale, options);
  const layer = frame.plot.append('g').attr('class', 'waffles');

  function draw(scene: GoldShareSceneData, animate: boolean): void {
    const width = frame.width();
    if (width <= 0) return;
    const m = frame.measure;
    const shares = goldShares(data, scene.stage);
    const single = shares.length === 1;

    const text = describeGoldShare(data, scene.stage, locale);
    frame.setText({
      ...text,
      outlets: [...new Set([...text.outlets, ...outletsOf(story, scene.sources, 'gold-share')])],
      legend: [
        { kind: 'cell-filled', label: t(locale, 'chart.gold.legend.kayes'), colour: MARK.neutral },
        { kind: 'cell-empty', label: t(locale, 'chart.gold.legend.rest'), colour: MARK.neutral },
      ],
      context: scene.stage === 'compare' ? [data.output.text] : [],
    });
    const budget = frame.budget();

    // Grids side by side, labels beside a single grid or under each of two.
    const gap = 24;
    const labelsFor = (share: GoldShare, labelWidth: number) => ({
      valueLines: wrapText(share.valueLabel, labelWidth, m, FONT_BIG, 700),
      nameLines: single ? wrapText(t(locale, 'chart.gold.kayes'), labelWidth, m, FONT_LABEL) : [],
      sourceLines: wrapText(share.attribution, labelWidth, m, FONT_SMALL),
    });
    const labelHeight = (l: ReturnType<typeof labelsFor>) => l.valueLines.length * BIG_LINE + l.nameLines.length * LINE + l.sourceLines.length * SMALL_LINE + 4;
    let layout: WaffleLayout[];
    let height: number;
    if (single) {
      const byWidth = Math.floor((width * 0.5) / 10) * 10;
      const size = Math.max(60, Math.min(220, byWidth, Math.floor(budget / 10) * 10));
      const labelWidth = width - size - 16;
      const labels = labelsFor(shares[0], labelWidth);
      height = Math.max(size, labelHeight(labels));
      layout = [{ share: shares[0], x: 0, y: 0, size, labelX: size + 16, labelY: Math.max(0, (size - labelHeight(labels)) / 2), ...labels }];
    } else {
      // Two columns: each grid at the left of its half, its labels as wide as the half.
      const column = (width - gap) / 2;
      const byWidth = Math.floor(column / 10) * 10;
      const labels = shares.map((s) => labelsFor(s, Math.min(column, 260)));
      const tallest = Math.max(...labels.map(labelHeight));
      const size = Math.max(60, Math.min(220, byWidth, Math.floor((budget - tallest - 10) / 10) * 10));
      height = size + 10 + tallest;
      layout = shares.map((share, i) => ({ share, x: i * (column + gap), y: 0, size, labelX: i * (column + gap), labelY: size + 10, ...labels[i] }));
    }
    frame.setSize(width, Math.ceil(height + 2));
    frame.figure.dataset.layout = single ? 'single' : 'pair';

    const waffles = layer
      .selectAll<SVGGElement, WaffleLayout>('g.waffle')
      .data(layout, (w) => w.share.id)
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'waffle').style('opacity', 0);
          g.append('g').attr('class', 'waffle__grid');
          g.append('rect').attr('class', 'waffle__frame').attr('fill', 'none').attr('stroke', MARK.context).attr('stroke-width', 1);
          g.append('path').attr('class', 'waffle__outline').attr('fill', 'none').attr('stroke', MARK.ink).attr('stroke-width', 1.5).attr('stroke-dasharray', '5 3');
          g.append('text').attr('class', 'waffle__value chart-value').attr('font-weight', 700).attr('fill', TEXT.ink);
          g.append('text').attr('class', 'waffle__name chart-label').attr('fill', TEXT.ink);
          g.append('text').attr('class', 'waffle__source chart-note-text').attr('fill', TEXT.muted);
          g.attr('transform', (w) => `translate(${w.x},${w.y})`);
          return g;
        },
        (update) => update,
        (exit) => motion(exit, animate).style('opacity', 0).remove(),
      )
      .attr('data-id', (w) => w.share.id)
      .attr('data-filled', (w) => w.share.cells)
      .attr('data-estimate', (w) => w.share.estimate);
    motion(waffles, animate).attr('transform', (w) => `translate(${w.x},${w.y})`).style('opacity', 1);

    waffles.each(function (w) {
      const g = select(this);
      const cell = w.size / 10;
      const inset = cell >= 14 ? 1.5 : 1;
      const cells = g
        .select('g.waffle__grid')
        .selectAll<SVGRectElement, number>('rect.waffle__cell')
        .data(CELLS)
        .join('rect')
        .attr('class', 'waffle__cell')
        .classed('is-filled', (i) => i < w.share.cells)
        .attr('x', (i) => Math.floor(i / 10) * cell + inset)
        .attr('y', (i) => (i % 10) * cell + inset)
        .attr('width', cell - 2 * inset)
        .attr('height', cell - 2 * inset);
      motion(cells, animate).attr('fill', (i) => (i < w.share.cells ? MARK.neutral : TINT.neutral));
      g.select('rect.waffle__frame').attr('x', -1.5).attr('y', -1.5).attr('width', w.size + 3).attr('height', w.size + 3);
      g.select('path.waffle__outline').attr('d', w.share.estimate === 'approximate' ? waffleOutline(w.share.cells, cell) : '');
      const lx = w.labelX - w.x;
      const ly = w.labelY - w.y;
      setLines(g.select<SVGTextElement>('text.waffle__value'), w.valueLines, FONT_BIG, BIG_LINE, lx, ly);
      setLines(g.select<SVGTextElement>('text.waffle__name'), w.nameLines, FONT_LABEL, LINE, lx, ly + w.valueLines.length * BIG_LINE);
      setLines(g.select<SVGTextElement>('text.waffle__source'), w.sourceLines, FONT_SMALL, SMALL_LINE, lx, ly + w.valueLines.length * BIG_LINE + w.nameLines.length * LINE + 2);
    });
    frame.figure.dataset.state = scene.stage;
  }

  return chartInstance(draw);
}
