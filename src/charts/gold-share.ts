/**
 * Kayes and Mali's gold, as 10 × 10 grids of squares (one square = 1% of
 * Mali's gold production): filled squares are the Kayes region's share,
 * hollow ones the rest of Mali. Approximate shares get a dashed outline
 * around the filled block.
 *  - `share`: about 80% (the September 2025 news report);
 *  - `compare`: adds ISS Today's estimate of about 77% (April 2021), labelled
 *    with outlet and date, and Mali's 2023 industrial output as a context
 *    line (never multiplied with a share: different years and sources).
 * Initialize once (`create`), update for each scene; data from `deriveGoldShare`.
 *
 * Marks: `g.waffle[data-id=<figure id>][data-filled=<n>]` with
 * `rect.waffle__cell` (`.is-filled`), `path.waffle__outline`, `text.waffle__value`.
 */
import { select } from 'd3-selection';
import type { GoldShareSceneData, StoryData } from '../story/types';
import { t } from '../i18n/ui';
import { createFrame } from './frame';
import { deriveGoldShare, describeGoldShare, goldShares, type GoldShare } from './data/gold-share';
import { outletsOf } from './data/lookup';
import { FONT_LABEL, FONT_SMALL, LINE_HEIGHT } from './scales';
import { wrapText } from './text';
import { setLines } from './svg-text';
import { motion } from './motion';
import { MARK, TEXT } from './palette';
import type { ChartInstance } from './types';
import { chartInstance } from './instance';

const FONT_BIG = 22;
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
 * Throws when a figure it needs is missing (see `deriveGoldShare`).
 */
export function create(container: HTMLElement, story: StoryData): ChartInstance<GoldShareSceneData> {
  const { locale } = story;
  const data = deriveGoldShare(story);
  const frame = createFrame(container, 'gold-share', locale);
  const layer = frame.plot.append('g').attr('class', 'waffles');

  function draw(scene: GoldShareSceneData, animate: boolean): void {
    const width = frame.width();
    if (width <= 0) return;
    const m = frame.measure;
    const line = Math.round(FONT_LABEL * LINE_HEIGHT);
    const small = Math.round(FONT_SMALL * LINE_HEIGHT);
    const big = Math.round(FONT_BIG * 1.15);
    const shares = goldShares(data, scene.stage);
    const columns = width >= 520;
    const gap = 28;
    const size = columns ? Math.min(240, Math.floor((width - gap) / 2 / 10) * 10) : Math.min(160, Math.floor((width * 0.46) / 10) * 10);
    const labelWidth = columns ? size : width - size - 14;

    let y = 0;
    let height = 0;
    const layout: WaffleLayout[] = shares.map((share, i) => {
      const valueLines = wrapText(share.valueLabel, labelWidth, m, FONT_BIG, 700);
      const nameLines = wrapText(t(locale, 'chart.gold.kayes'), labelWidth, m, FONT_LABEL);
      const sourceLines = wrapText(share.attribution, labelWidth, m, FONT_SMALL);
      const labelHeight = valueLines.length * big + nameLines.length * line + sourceLines.length * small + 4;
      if (columns) {
        const x = i * (size + gap);
        height = Math.max(height, size + 10 + labelHeight);
        return { share, x, y: 0, size, labelX: x, labelY: size + 10, valueLines, nameLines, sourceLines };
      }
      const top = y;
      y += Math.max(size, labelHeight) + gap;
      height = y - gap;
      return { share, x: 0, y: top, size, labelX: size + 14, labelY: top, valueLines, nameLines, sourceLines };
    });
    frame.setSize(width, Math.ceil(height + 4));

    const waffles = layer
      .selectAll<SVGGElement, WaffleLayout>('g.waffle')
      .data(layout, (d) => d.share.id)
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'waffle').style('opacity', 0);
          g.append('g').attr('class', 'waffle__grid');
          g.append('path').attr('class', 'waffle__outline').attr('fill', 'none').attr('stroke', TEXT.ink).attr('stroke-width', 1.5).attr('stroke-dasharray', '5 3');
          g.append('text').attr('class', 'waffle__value chart-value').attr('font-weight', 700).attr('fill', TEXT.ink);
          g.append('text').attr('class', 'waffle__name chart-label').attr('fill', TEXT.ink);
          g.append('text').attr('class', 'waffle__source chart-note-text').attr('fill', TEXT.soft);
          g.attr('transform', (d) => `translate(${d.x},${d.y})`);
          return g;
        },
        (update) => update,
        (exit) => motion(exit, animate).style('opacity', 0).remove(),
      )
      .attr('data-id', (d) => d.share.id)
      .attr('data-filled', (d) => d.share.cells)
      .attr('data-estimate', (d) => d.share.estimate);
    motion(waffles, animate).attr('transform', (d) => `translate(${d.x},${d.y})`).style('opacity', 1);

    waffles.each(function (d) {
      const g = select(this);
      const cell = d.size / 10;
      const cells = g
        .select('g.waffle__grid')
        .selectAll<SVGRectElement, number>('rect.waffle__cell')
        .data(CELLS)
        .join('rect')
        .attr('class', 'waffle__cell')
        .classed('is-filled', (i) => i < d.share.cells)
        .attr('x', (i) => Math.floor(i / 10) * cell + 1.5)
        .attr('y', (i) => (i % 10) * cell + 1.5)
        .attr('width', cell - 3)
        .attr('height', cell - 3)
        .attr('stroke', MARK.grey)
        .attr('stroke-width', (i) => (i < d.share.cells ? 0 : 1));
      motion(cells, animate)
        .attr('fill', (i) => (i < d.share.cells ? MARK.blue : '#ffffff'));
      g.select('path.waffle__outline')
        .attr('d', d.share.estimate === 'approximate' ? waffleOutline(d.share.cells, cell) : '')
        .attr('transform', 'translate(0,0)');
      const lx = d.labelX - d.x;
      const ly = d.labelY - d.y;
      setLines(g.select<SVGTextElement>('text.waffle__value'), d.valueLines, FONT_BIG, big, lx, ly);
      setLines(g.select<SVGTextElement>('text.waffle__name'), d.nameLines, FONT_LABEL, line, lx, ly + d.valueLines.length * big);
      setLines(g.select<SVGTextElement>('text.waffle__source'), d.sourceLines, FONT_SMALL, small, lx, ly + d.valueLines.length * big + d.nameLines.length * line + 2);
    });

    const text = describeGoldShare(data, scene.stage, locale);
    frame.setText({
      ...text,
      outlets: [...new Set([...text.outlets, ...outletsOf(story, scene.sources, 'gold-share')])],
      legend: [
        { kind: 'cell-filled', label: t(locale, 'chart.gold.legend.kayes'), colour: MARK.blue },
        { kind: 'cell-empty', label: t(locale, 'chart.gold.legend.rest'), colour: MARK.grey },
        ...(shares.some((s) => s.estimate === 'approximate') ? [{ kind: 'approximate' as const, label: t(locale, 'chart.legend.approximate'), colour: '#1a1a1a' }] : []),
      ],
      context: scene.stage === 'compare' ? [data.output.text] : [],
    });
    frame.figure.dataset.state = scene.stage;
  }

  return chartInstance(draw);
}
