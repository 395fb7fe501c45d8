/**
 * Senegal–Mali trade, as neutral data (ink and greys, no accent):
 *  - `exports`: more than $1.4 billion of Senegalese exports to Mali in the
 *    last year reported, as a dark grey bar with an open end (a lower bound)
 *    on a US-dollar scale, its value at its end; and Mali as Senegal's main
 *    African trade partner, as a "No. 1" badge with the statement;
 *  - `goods`: adds the goods the Bamako–Kayes route carries (fuel, cement,
 *    foodstuffs, manufactured goods) as equal tiles: the reporting gives no
 *    value for any good, so none is sized, and the context line says so.
 * Rows get thinner when the pane is short (`frame.budget()`).
 * Initialize once (`create`), update for each scene; data from `deriveTrade`.
 *
 * Marks: `g.trade-exports[data-id][data-estimate]` with `rect.bar`,
 * `g.trade-partner`, `g.trade-goods[data-visible]` with
 * `g.trade-good[data-id=fuel|cement|foodstuffs|manufactured-goods]`.
 */
import { select } from 'd3-selection';
import type { StoryData, TradeSceneData } from '../story/types';
import { formatValue } from '../i18n/format';
import { t } from '../i18n/ui';
import { createFrame, type FrameOptions } from './frame';
import { deriveTrade, describeTrade, type TradeData } from './data/trade';
import { outletsOf } from './data/lookup';
import { countScale, FONT_LABEL, FONT_SMALL } from './scales';
import { drawBars, valuePlacement, type BarSpec } from './marks';
import { wrapText } from './text';
import { setLines } from './svg-text';
import { motion } from './motion';
import { BACKGROUND, GRID, MARK, TEXT } from './palette';
import type { ChartInstance } from './types';
import { chartInstance } from './instance';
import { drawValueAxis } from './value-axis';

type Good = TradeData['goods'][number];
interface TileLayout {
  good: Good;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
}

/** The vertical rhythm of one layout, px. */
interface Density {
  name: 'full' | 'compact';
  line: number;
  bar: number;
  gap: number;
  tilePad: number;
  /** Weight of the goods' names (regular keeps "Manufactured goods" on one line in a narrow tile). */
  tileWeight: number;
}
const FULL: Density = { name: 'full', line: 18, bar: 22, gap: 18, tilePad: 20, tileWeight: 700 };
const COMPACT: Density = { name: 'compact', line: 16, bar: 16, gap: 10, tilePad: 8, tileWeight: 400 };
const SMALL_LINE = Math.round(FONT_SMALL * 1.3);

/**
 * Creates the trade chart in `container` (initialize once).
 * `options.available` (from the controller) gives the height in px the
 * figure may take in its pane; without it the chart takes the room it needs.
 * Throws when the exports figure or its source is missing (see `deriveTrade`).
 */
export function create(container: HTMLElement, story: StoryData, options: FrameOptions = {}): ChartInstance<TradeSceneData> {
  const { locale } = story;
  const data = deriveTrade(story);
  const frame = createFrame(container, 'trade', locale, options);
  const grid = frame.plot.append('g').attr('class', 'chart-grid');
  const exportsLayer = frame.plot.append('g').attr('class', 'trade-exports').attr('data-id', data.exports.id);
  const name = exportsLayer.append('text').attr('class', 'trade-exports__name chart-label chart-halo').attr('font-weight', 700).attr('fill', TEXT.ink);
  const barGroup = exportsLayer.append('g').attr('class', 'trade-exports__bar');
  // After the bar, so a value written inside the bar sits on top of it.
  const value = exportsLayer.append('text').attr('class', 'trade-exports__value chart-value').attr('font-weight', 700).attr('fill', TEXT.ink);
  const axisLayer = frame.plot.append('g').attr('class', 'chart-axis');
  const partner = frame.plot.append('g').attr('class', 'trade-partner');
  const partnerBadge = partner.append('rect').attr('class', 'trade-partner__badge').attr('fill', MARK.ink);
  const partnerRank = partner.append('text').attr('class', 'trade-partner__rank').attr('font-weight', 700).attr('fill', TEXT.onDark).attr('text-anchor', 'middle');
  const partnerText = partner.append('text').attr('class', 'trade-partner__text chart-label').attr('fill', TEXT.ink);
  const goodsLayer = frame.plot.append('g').attr('class', 'trade-goods');
  const goodsRule = goodsLayer.append('line').attr('class', 'trade-goods__rule').attr('stroke', GRID);

  function layout(d: Density, width: number, showGoods: boolean) {
    const m = frame.measure;
    const plotWidth = width - 2;
    const x = countScale(data.exports.value, plotWidth);
    const nameLines = wrapText(data.exports.name, width, m, FONT_LABEL, 700);
    const spec: BarSpec = {
      id: data.exports.id,
      estimate: data.exports.estimate,
      role: 'measure',
      colour: MARK.neutral,
      end: x(data.exports.value),
      open: Math.max(16, plotWidth * 0.06),
      height: d.bar,
    };
    const valuePlace = valuePlacement(spec, m(data.exports.valueLabel, FONT_LABEL, 700), width);
    const barY = (nameLines.length + (valuePlace.position === 'above' ? 1 : 0)) * d.line + 4;
    const axisY = barY + d.bar + 6;

    const rank = t(locale, 'chart.trade.rank');
    const badgeW = m(rank, FONT_SMALL, 700) + 14;
    const badgeH = 22;
    const textX = badgeW + 10;
    const partnerLines = wrapText(data.partner, width - textX, m, FONT_LABEL);
    const partnerY = axisY + 6 + SMALL_LINE + d.gap;
    const partnerH = Math.max(badgeH, partnerLines.length * d.line);

    const goodsY = partnerY + partnerH + d.gap;
    const cols = width >= 560 ? 4 : 2;
    const tileGap = 8;
    const tileW = (width - (cols - 1) * tileGap) / cols;
    const tileLines = data.goods.map((g) => wrapText(g.label, tileW - 10, m, FONT_LABEL, d.tileWeight));
    const tileH = Math.max(...tileLines.map((l) => l.length)) * d.line + d.tilePad;
    const tilesTop = d.gap;
    const tiles: TileLayout[] = showGoods
      ? data.goods.map((good, i) => ({ good, x: (i % cols) * (tileW + tileGap), y: tilesTop + Math.floor(i / cols) * (tileH + tileGap), w: tileW, h: tileH, lines: tileLines[i] }))
      : [];
    const goodsHeight = tilesTop + Math.ceil(data.goods.length / cols) * (tileH + tileGap) - tileGap;
    const height = Math.ceil(showGoods ? goodsY + goodsHeight : partnerY + partnerH);
    return { x, plotWidth, spec, nameLines, valuePlace, barY, axisY, rank, badgeW, badgeH, textX, partnerLines, partnerY, partnerH, goodsY, tiles, height };
  }

  function draw(scene: TradeSceneData, animate: boolean): void {
    const width = frame.width();
    if (width <= 0) return;
    const showGoods = scene.stage === 'goods';
    const usd = (v: number) => formatValue({ value: v, unit: 'usd' }, locale);

    const text = describeTrade(data, scene.stage, usd(countScale(data.exports.value, Math.max(1, width - 2)).domain()[1]), locale);
    frame.setText({
      ...text,
      outlets: [...new Set([...text.outlets, ...outletsOf(story, scene.sources, 'trade')])],
      legend: [{ kind: 'lower-bound', label: t(locale, 'chart.legend.lowerBound'), colour: MARK.neutral }],
      context: showGoods ? [t(locale, 'chart.trade.noValues')] : [],
    });
    let l = layout(FULL, width, showGoods);
    let d = FULL;
    if (l.height > frame.budget()) {
      d = COMPACT;
      l = layout(COMPACT, width, showGoods);
    }
    frame.setSize(width, l.height);
    frame.figure.dataset.layout = d.name;

    // Exports: name, open-ended bar, value at its end.
    setLines(name, l.nameLines, FONT_LABEL, d.line);
    const vp = l.valuePlace;
    value.attr('text-anchor', vp.anchor).attr('fill', vp.fill).attr('data-position', vp.position);
    setLines(value, [data.exports.valueLabel], FONT_LABEL, d.line, vp.x, vp.position === 'above' ? l.nameLines.length * d.line : l.barY + (d.bar - d.line) / 2);
    barGroup.attr('transform', `translate(0,${l.barY})`);
    exportsLayer.attr('data-estimate', data.exports.estimate).attr('data-value', data.exports.value);
    drawBars(barGroup.selectAll<SVGGElement, BarSpec>('g.bar-group').data([l.spec]).join('g').attr('class', 'bar-group'), frame.defs, frame.uid, animate);
    drawValueAxis(grid, axisLayer, l.x, usd, frame.measure, { top: l.barY - 4, axisY: l.axisY, plotWidth: l.plotWidth });

    // Main trade partner: a "No. 1" badge with the statement.
    partner.attr('transform', `translate(0,${l.partnerY})`);
    partnerBadge.attr('x', 0).attr('y', (l.partnerH - l.badgeH) / 2).attr('width', l.badgeW).attr('height', l.badgeH).attr('rx', l.badgeH / 2);
    setLines(partnerRank, [l.rank], FONT_SMALL, l.badgeH, l.badgeW / 2, (l.partnerH - l.badgeH) / 2);
    setLines(partnerText, l.partnerLines, FONT_LABEL, d.line, l.textX, (l.partnerH - l.partnerLines.length * d.line) / 2);

    // Goods: equal tiles, no sizes (no values reported).
    goodsLayer.attr('transform', `translate(0,${l.goodsY})`).attr('data-visible', String(showGoods));
    goodsRule.attr('x1', 0).attr('x2', width).attr('y1', 0).attr('y2', 0).attr('display', showGoods ? null : 'none');
    const tileGroups = goodsLayer
      .selectAll<SVGGElement, TileLayout>('g.trade-good')
      .data(l.tiles, (tile) => tile.good.id)
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'trade-good').style('opacity', 0);
          g.append('rect').attr('fill', BACKGROUND).attr('stroke', MARK.context).attr('stroke-width', 1.5).attr('rx', 4);
          g.append('text').attr('class', 'chart-label').attr('fill', TEXT.ink).attr('text-anchor', 'middle');
          g.attr('transform', (tile) => `translate(${tile.x},${tile.y + 12})`);
          return g;
        },
        (update) => update,
        (exit) => exit.remove(),
      )
      .attr('data-id', (tile) => tile.good.id);
    motion(tileGroups, animate).attr('transform', (tile) => `translate(${tile.x},${tile.y})`).style('opacity', 1);
    tileGroups.select('rect').attr('x', 0.75).attr('y', 0.75).attr('width', (tile) => tile.w - 1.5).attr('height', (tile) => tile.h - 1.5);
    tileGroups.select<SVGTextElement>('text').attr('font-weight', d.tileWeight).each(function (tile) {
      setLines(select(this), tile.lines, FONT_LABEL, d.line, tile.w / 2, (tile.h - tile.lines.length * d.line) / 2);
    });
    frame.figure.dataset.state = scene.stage;
  }

  return chartInstance(draw);
}
