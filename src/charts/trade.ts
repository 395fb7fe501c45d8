/**
 * Senegal–Mali trade:
 *  - `exports`: more than $1.4 billion of Senegalese exports to Mali in the
 *    last year reported, as an open-ended bar on a US-dollar scale, and Mali
 *    as Senegal's main African trade partner, as a labelled badge;
 *  - `goods`: adds the goods the Bamako–Kayes route carries (fuel, cement,
 *    foodstuffs, manufactured goods) as equal labelled tiles: the reporting
 *    gives no value per good, so none is drawn.
 * Initialize once (`create`), update for each scene; data from `deriveTrade`.
 *
 * Marks: `g.trade-exports[data-id][data-estimate]` with `rect.bar`,
 * `g.trade-partner`, `g.trade-good[data-id=fuel|cement|foodstuffs|manufactured-goods]`.
 */
import { select } from 'd3-selection';
import type { StoryData, TradeSceneData } from '../story/types';
import { formatValue } from '../i18n/format';
import { t } from '../i18n/ui';
import { createFrame } from './frame';
import { deriveTrade, describeTrade, type TradeData } from './data/trade';
import { outletsOf } from './data/lookup';
import { countScale, FONT_LABEL, FONT_SMALL, LINE_HEIGHT } from './scales';
import { drawBars, barExtent, type BarSpec } from './marks';
import { wrapText, widestLine } from './text';
import { setLines } from './svg-text';
import { motion } from './motion';
import { MARK, TEXT, TINT } from './palette';
import type { ChartInstance } from './types';
import { chartInstance } from './instance';
import { drawValueAxis } from './value-axis';

const BAR = 26;

type Good = TradeData['goods'][number];
interface TileLayout {
  good: Good;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
}

/**
 * Creates the trade chart in `container` (initialize once).
 * Throws when the exports figure or its source is missing (see `deriveTrade`).
 */
export function create(container: HTMLElement, story: StoryData): ChartInstance<TradeSceneData> {
  const { locale } = story;
  const data = deriveTrade(story);
  const frame = createFrame(container, 'trade', locale);
  const grid = frame.plot.append('g').attr('class', 'chart-grid');
  const exportsLayer = frame.plot.append('g').attr('class', 'trade-exports').attr('data-id', data.exports.id);
  const name = exportsLayer.append('text').attr('class', 'trade-exports__name chart-label').attr('font-weight', 700).attr('fill', TEXT.ink);
  const value = exportsLayer.append('text').attr('class', 'trade-exports__value chart-value').attr('font-weight', 700).attr('fill', TEXT.ink);
  const barGroup = exportsLayer.append('g').attr('class', 'trade-exports__bar');
  const axisLayer = frame.plot.append('g').attr('class', 'chart-axis');
  const partner = frame.plot.append('g').attr('class', 'trade-partner');
  const partnerBox = partner.append('rect').attr('fill', TINT.blue).attr('stroke', MARK.blue).attr('stroke-width', 1.5).attr('rx', 4);
  const partnerBadge = partner.append('rect').attr('class', 'trade-partner__badge').attr('fill', MARK.blue);
  const partnerRank = partner.append('text').attr('class', 'trade-partner__rank').attr('font-weight', 700).attr('fill', '#ffffff').attr('text-anchor', 'middle');
  const partnerText = partner.append('text').attr('class', 'trade-partner__text chart-label').attr('fill', TEXT.ink);
  const goodsLayer = frame.plot.append('g').attr('class', 'trade-goods');
  const goodsHeading = goodsLayer.append('text').attr('class', 'trade-goods__heading chart-label').attr('font-weight', 700).attr('fill', TEXT.ink);

  function draw(scene: TradeSceneData, animate: boolean): void {
    const width = frame.width();
    if (width <= 0) return;
    const m = frame.measure;
    const line = Math.round(FONT_LABEL * LINE_HEIGHT);
    const small = Math.round(FONT_SMALL * LINE_HEIGHT);
    const plotWidth = width - 2;
    const x = countScale(data.exports.value, plotWidth);
    const usd = (v: number) => formatValue({ value: v, unit: 'usd' }, locale);

    // Exports: name, open-ended bar, value label.
    const nameLines = wrapText(data.exports.name, width, m, FONT_LABEL, 700);
    const spec: BarSpec = {
      id: data.exports.id,
      estimate: data.exports.estimate,
      role: 'measure',
      colour: MARK.blue,
      end: x(data.exports.value),
      open: Math.max(18, plotWidth * 0.07),
      height: BAR,
    };
    const valueX = barExtent(spec) + 6;
    const valueInline = valueX + m(data.exports.valueLabel, FONT_LABEL, 700) <= width;
    const barY = (nameLines.length + (valueInline ? 0 : 1)) * line + 6;
    setLines(name, nameLines, FONT_LABEL, line);
    setLines(value, [data.exports.valueLabel], FONT_LABEL, line, valueInline ? valueX : 0, valueInline ? barY + (BAR - line) / 2 + 2 : nameLines.length * line);
    value.attr('data-inline', String(valueInline));
    barGroup.attr('transform', `translate(0,${barY})`);
    exportsLayer.attr('data-estimate', data.exports.estimate).attr('data-value', data.exports.value);
    drawBars(barGroup.selectAll<SVGGElement, BarSpec>('g.bar-group').data([spec]).join('g').attr('class', 'bar-group'), frame.defs, frame.uid, animate);

    const axisY = barY + BAR + 8;
    drawValueAxis(grid, axisLayer, x, usd, m, { top: barY - 4, axisY, plotWidth });

    // Main trade partner: a "No. 1" badge with the statement.
    const partnerY = axisY + 8 + small + 16;
    const rank = t(locale, 'chart.trade.rank');
    const badgeW = m(rank, FONT_SMALL, 700) + 16;
    const badgeH = 24;
    const textX = 10 + badgeW + 10;
    const partnerLines = wrapText(data.partner, width - textX - 10, m, FONT_LABEL);
    const boxH = Math.max(badgeH + 16, partnerLines.length * line + 16);
    partner.attr('transform', `translate(0,${partnerY})`);
    partnerBox.attr('x', 0.75).attr('y', 0.75).attr('width', Math.min(width - 1.5, textX + widestLine(partnerLines, m, FONT_LABEL) + 10)).attr('height', boxH);
    partnerBadge.attr('x', 10).attr('y', (boxH - badgeH) / 2).attr('width', badgeW).attr('height', badgeH).attr('rx', badgeH / 2);
    setLines(partnerRank, [rank], FONT_SMALL, badgeH, 10 + badgeW / 2, (boxH - badgeH) / 2);
    setLines(partnerText, partnerLines, FONT_LABEL, line, textX, (boxH - partnerLines.length * line) / 2);

    // Goods: equal tiles, no sizes (no values reported).
    const goodsY = partnerY + boxH + 20;
    const showGoods = scene.stage === 'goods';
    const headingLines = wrapText(t(locale, 'chart.trade.route'), width, m, FONT_LABEL, 700);
    setLines(goodsHeading, headingLines, FONT_LABEL, line);
    const cols = width >= 600 ? 4 : 2;
    const tileGap = 10;
    const tileW = (width - (cols - 1) * tileGap) / cols;
    const tileLines = data.goods.map((g) => wrapText(g.label, tileW - 16, m, FONT_LABEL, 700));
    const tileH = Math.max(...tileLines.map((l) => l.length)) * line + 22;
    const tilesTop = headingLines.length * line + 8;
    const tiles: TileLayout[] = showGoods
      ? data.goods.map((good, i) => ({
          good,
          x: (i % cols) * (tileW + tileGap),
          y: tilesTop + Math.floor(i / cols) * (tileH + tileGap),
          w: tileW,
          h: tileH,
          lines: tileLines[i],
        }))
      : [];
    const goodsHeight = showGoods ? tilesTop + Math.ceil(data.goods.length / cols) * (tileH + tileGap) : 0;
    goodsLayer.attr('transform', `translate(0,${goodsY})`).attr('data-visible', String(showGoods));
    motion(goodsHeading, animate).style('opacity', showGoods ? 1 : 0);
    const tileGroups = goodsLayer
      .selectAll<SVGGElement, TileLayout>('g.trade-good')
      .data(tiles, (d) => d.good.id)
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'trade-good').style('opacity', 0);
          g.append('rect').attr('fill', '#ffffff').attr('stroke', MARK.blue).attr('stroke-width', 1.5).attr('rx', 4);
          g.append('text').attr('class', 'chart-label').attr('font-weight', 700).attr('fill', TEXT.ink).attr('text-anchor', 'middle');
          g.attr('transform', (d) => `translate(${d.x},${d.y + 12})`);
          return g;
        },
        (update) => update,
        (exit) => motion(exit, animate, 250).style('opacity', 0).remove(),
      )
      .attr('data-id', (d) => d.good.id);
    motion(tileGroups, animate).attr('transform', (d) => `translate(${d.x},${d.y})`).style('opacity', 1);
    tileGroups.select('rect').attr('x', 0.75).attr('y', 0.75).attr('width', (d) => d.w - 1.5).attr('height', (d) => d.h - 1.5);
    tileGroups.select<SVGTextElement>('text').each(function (d) {
      setLines(select(this), d.lines, FONT_LABEL, line, d.w / 2, (d.h - d.lines.length * line) / 2);
    });

    frame.setSize(width, Math.ceil(goodsY + (showGoods ? goodsHeight : -20) + 4));

    const text = describeTrade(data, scene.stage, usd(x.domain()[1]), locale);
    frame.setText({
      ...text,
      outlets: [...new Set([...text.outlets, ...outletsOf(story, scene.sources, 'trade')])],
      legend: [{ kind: 'lower-bound', label: t(locale, 'chart.legend.lowerBound'), colour: MARK.blue }],
      context: showGoods ? [t(locale, 'chart.trade.noValues')] : [],
    });
    frame.figure.dataset.state = scene.stage;
  }

  return chartInstance(draw);
}
