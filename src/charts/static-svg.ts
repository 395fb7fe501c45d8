/**
 * A chart scene as one standalone SVG figure, drawn at build time by the
 * same chart modules the story runs (no second renderer): the chart is
 * created in a DOM without layout (linkedom), at a fixed width, with text
 * measured by the DejaVu Sans estimate (src/map/text-metrics.ts, which errs
 * wide so labels keep their room in any system font). Its frame's parts are
 * then set one under the other in a single SVG:
 *
 *   heading (14 px bold, muted: a subtitle under the figure's headline) · the drawing · legend keys (12 px) · context lines
 *   (12 px) · source line with the "as of" date (12 px)
 *
 * The SVG carries the chart's <title> and <desc>, draws nothing focusable,
 * and embeds the few chart styles it needs, so it reads the same as an
 * <img>, printed, or opened on its own. Used by the static chart routes
 * (`charts/<scene>.svg`), which every no-JS step, embed, print and
 * placeholder frame shows.
 */
import { parseHTML } from 'linkedom';
import type { ChartSceneData, StoryData } from '../story/types';
import { TYPE } from '../design/tokens';
import { estimateWidth } from '../map/text-metrics';
import { esc, num } from '../map/svg-util';
import { applyD3Locale } from '../i18n/d3-locale';
import { chartFactory } from './factories';
import { swatch, type LegendKind } from './frame';
import { MARK } from './palette';
import { wrapText, type Measure } from './text';

/** Text widths at build time: DejaVu Sans advance widths, bold from weight 600. */
export const buildMeasure: Measure = (text, fontSize, fontWeight = 400) => estimateWidth(text, { size: fontSize, bold: fontWeight >= 600 });

export interface StaticChartOptions {
  /** Width of the whole figure in CSS px (320–1440). */
  width: number;
}

/** Sizes of the figure's text, px (TYPE scale: heading 16, small 12). */
/** The chart's own heading (what it measures) reads as a subtitle under the figure's headline. */
const HEADING = { size: 14, line: 18 };
const SMALL = { size: 12, line: 16 };
const GAP = 8;
const SWATCH = { width: 24, height: 12, gap: 6, between: 16 };

/** The chart styles a standalone SVG needs (from charts.css). */
const STYLE = `text{font-family:${TYPE.sans}}.chart-axis text,.timeline-tick text,.life-tick text{font-size:12px;fill:#4d4a44}.chart-axis .tick line{stroke:#4d4a44}.chart-halo{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}.timeline-event__focus{visibility:hidden}`;

type Globals = { document?: unknown };

/** A drawn chart figure: the SVG document and its source line as text. */
export interface StaticChart {
  svg: string;
  /** The chart's note: its outlets and "as of" date, as the figure prints it. */
  sourceLine: string;
}

/**
 * Draws `scene` (a chart scene of `story`, in the story's locale) as an SVG
 * `options.width` px wide; its height follows the chart. Throws what the
 * chart module throws for missing figures, events or sources.
 */
export function renderChartSvg(scene: ChartSceneData, story: StoryData, options: StaticChartOptions): StaticChart {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const globals = globalThis as Globals;
  const previous = globals.document;
  // The chart modules create elements through the global document, as in the browser.
  globals.document = document;
  try {
    applyD3Locale(story.locale);
    const container = document.createElement('div');
    document.body.append(container);
    const instance = chartFactory(scene.graphic)(container as unknown as HTMLElement, story, { width: options.width, measure: buildMeasure });
    instance.update(scene, { animate: false });
    return compose(container as unknown as HTMLElement, scene, story.locale, options.width);
  } finally {
    globals.document = previous;
  }
}

/** Sets the live frame's parts (heading, drawing, legend, context, source line) one under the other in one SVG. */
function compose(container: HTMLElement, scene: ChartSceneData, locale: StoryData['locale'], width: number): StaticChart {
  const id = `chart-${esc(scene.id)}-${width}`;
  const heading = container.querySelector('.chart__heading')?.textContent ?? '';
  const svg = container.querySelector('svg.chart__svg');
  if (!svg) throw new Error(`Chart ${scene.graphic} drew no SVG for scene ${scene.id}`);
  const title = svg.querySelector('title')?.textContent ?? heading;
  const desc = svg.querySelector('desc')?.textContent ?? '';
  // Nothing focusable, no ids of the live page's: the figure is an image.
  for (const el of svg.querySelectorAll('[tabindex]')) el.removeAttribute('tabindex');
  for (const el of svg.querySelectorAll('title, desc')) el.remove();
  const drawingWidth = Number(svg.getAttribute('width'));
  const drawingHeight = Number(svg.getAttribute('height'));
  const inner = svg.innerHTML;

  const parts: string[] = [];
  let y = 0;
  const textLines = (lines: string[], size: number, line: number, weight = 400, fill = '#1d1d1b') => {
    for (const l of lines) {
      parts.push(`<text x="0" y="${num(y + line * 0.5 + size * 0.35)}" font-size="${size}"${weight !== 400 ? ` font-weight="${weight}"` : ''} fill="${fill}">${esc(l)}</text>`);
      y += line;
    }
  };

  textLines(wrapText(heading, width, buildMeasure, HEADING.size, 700), HEADING.size, HEADING.line, 700, '#4d4a44');
  y += GAP / 2;
  parts.push(`<g class="chart__drawing" transform="translate(0,${num(y)})">${inner}</g>`);
  y += drawingHeight + GAP;

  // Legend keys flow in rows, as the HTML legend wraps.
  const items = [...container.querySelectorAll('.chart-legend__item')].map((li) => ({
    kind: (li as HTMLElement).dataset.kind as LegendKind,
    colour: (li as HTMLElement).dataset.colour ?? MARK.context,
    label: li.querySelector('span')?.textContent ?? '',
  }));
  let x = 0;
  if (items.length) {
    for (const item of items) {
      const labelWidth = buildMeasure(item.label, SMALL.size);
      const itemWidth = SWATCH.width + SWATCH.gap + labelWidth;
      if (x > 0 && x + itemWidth > width) {
        x = 0;
        y += SMALL.line + 2;
      }
      parts.push(
        `<g transform="translate(${num(x)},${num(y + (SMALL.line - SWATCH.height) / 2)})" aria-hidden="true">${swatch(item.kind, item.colour)}</g>`,
        `<text x="${num(x + SWATCH.width + SWATCH.gap)}" y="${num(y + SMALL.line * 0.5 + SMALL.size * 0.35)}" font-size="${SMALL.size}" fill="#1d1d1b">${esc(item.label)}</text>`,
      );
      x += itemWidth + SWATCH.between;
    }
    y += SMALL.line + GAP;
  }

  const context = [...container.querySelectorAll('.chart__context span')].map((s) => s.textContent ?? '').filter(Boolean);
  for (const line of context) textLines(wrapText(line, width, buildMeasure, SMALL.size), SMALL.size, SMALL.line, 400, '#4d4a44');
  if (context.length) y += GAP / 2;

  const note = container.querySelector('.chart__note')?.textContent ?? '';
  textLines(wrapText(note, width, buildMeasure, SMALL.size), SMALL.size, SMALL.line, 400, '#4d4a44');

  const w = Math.max(width, drawingWidth);
  const h = Math.ceil(y + 4);
  const svgText = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="${id}-title ${id}-desc" lang="${locale}" data-scene="${esc(scene.id)}" data-chart="${esc(scene.graphic)}">`,
    `<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(desc)}</desc>`,
    `<style>${STYLE}</style>`,
    `<rect width="${w}" height="${h}" fill="#fff"/>`,
    ...parts,
    '</svg>',
  ].join('');
  return { svg: svgText, sourceLine: note };
}
