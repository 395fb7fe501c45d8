/**
 * The parts every chart shares, built once per chart: a <figure> holding a
 * visible heading, the SVG (role="img", labelled by its <title>, described by
 * its <desc>), an HTML legend, an optional context line and the source/as-of
 * note. Chart modules draw inside `frame.plot` and set the words with
 * `frame.setText()` on every update.
 */
import { select, type Selection } from 'd3-selection';
import type { ChartId } from './chart-ids';
import type { Locale } from '../i18n/locales';
import { t } from '../i18n/ui';
import { canvasMeasure, type Measure } from './text';
import { MARK, TINT } from './palette';

/** Kinds of legend key, each drawn as a small swatch (see `swatch`). */
export type LegendKind =
  | 'exact'
  | 'approximate'
  | 'lower-bound'
  | 'context'
  | 'cell-filled'
  | 'cell-empty'
  | 'event-day'
  | 'event-month'
  | 'event-span'
  | 'event-highlight'
  | 'era'
  | 'arrow-approximate'
  | 'arrow-qualitative';

export interface LegendItem {
  kind: LegendKind;
  label: string;
  /** Mark colour of the swatch (a `MARK` colour). */
  colour?: string;
}

/** The words a chart shows around its drawing, for one state. */
export interface FrameText {
  heading: string;
  /** Short text alternative (the SVG's <title>). */
  title: string;
  /** Long description: scales, values, trend (the SVG's <desc>). */
  desc: string;
  /** Outlet names, deduplicated. */
  outlets: string[];
  /** Formatted "as of" date, or '' for none. */
  asOfLabel: string;
  legend: LegendItem[];
  /** Context lines under the chart (for example an output figure given for scale). */
  context?: string[];
}

export interface ChartFrame {
  figure: HTMLElement;
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  defs: Selection<SVGDefsElement, unknown, null, undefined>;
  plot: Selection<SVGGElement, unknown, null, undefined>;
  /** Prefix for ids inside this chart's SVG (gradients, clip paths), unique on the page. */
  uid: string;
  /** Measures text in the chart's font (pixels). */
  measure: Measure;
  /** Width available to the drawing, in pixels (0 while nothing is laid out); the SVG adds a few pixels of margin. */
  width(): number;
  /** Sets the drawing's size in pixels (the SVG adds its margin; drawing units = CSS pixels, so text keeps its size). */
  setSize(width: number, height: number): void;
  setText(text: FrameText): void;
}

let counter = 0;
/** Bumped whenever the document's fonts finish loading, so text is measured again. */
let fontGeneration = 0;
if (typeof document !== 'undefined' && 'fonts' in document) {
  document.fonts.addEventListener('loadingdone', () => {
    fontGeneration += 1;
  });
}
/** Room around the drawing for glyph overhangs, pixels: charts draw in [0, width()] and the SVG adds this margin. */
const PAD_X = 3;
const PAD_TOP = 4;
const PAD_BOTTOM = 4;
const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Builds the frame of chart `chartId` inside `container` (an empty element).
 * `container`'s width, or its parent's while it is hidden, is the chart's width.
 */
export function createFrame(container: HTMLElement, chartId: ChartId, locale: Locale): ChartFrame {
  counter += 1;
  const uid = `chart-${chartId}-${counter}`;
  const figure = document.createElement('figure');
  figure.className = `chart chart--${chartId}`;
  figure.dataset.chartId = chartId;

  const heading = document.createElement('p');
  heading.className = 'chart__heading';

  const svgNode = document.createElementNS(SVG_NS, 'svg');
  const svg = select(svgNode)
    .attr('class', 'chart__svg')
    .attr('role', 'img')
    .attr('aria-labelledby', `${uid}-title`)
    .attr('aria-describedby', `${uid}-desc`)
    .attr('focusable', 'false');
  svg.append('title').attr('id', `${uid}-title`);
  svg.append('desc').attr('id', `${uid}-desc`);
  const defs = svg.append('defs');
  const plot = svg.append('g').attr('class', 'chart__plot').attr('transform', `translate(${PAD_X},${PAD_TOP})`);

  const legend = document.createElement('ul');
  legend.className = 'chart__legend';
  const context = document.createElement('p');
  context.className = 'chart__context';
  const note = document.createElement('figcaption');
  note.className = 'chart__note';

  figure.append(heading, svgNode, legend, context, note);
  container.append(figure);

  let measure: Measure | undefined;
  let measuredWith = -1;
  const frame: ChartFrame = {
    figure,
    svg,
    defs,
    plot,
    uid,
    get measure() {
      // Re-measure once web fonts have loaded: widths set in a fallback font would be wrong.
      if (!measure || measuredWith !== fontGeneration) {
        measure = canvasMeasure(getComputedStyle(svgNode).fontFamily || 'sans-serif');
        measuredWith = fontGeneration;
      }
      return measure;
    },
    width() {
      const own = container.clientWidth;
      const w = own > 0 ? own : (container.parentElement?.clientWidth ?? 0);
      return Math.max(0, Math.min(1440, Math.floor(w)) - 2 * PAD_X);
    },
    setSize(width, height) {
      const w = width + 2 * PAD_X;
      const h = height + PAD_TOP + PAD_BOTTOM;
      svg.attr('width', w).attr('height', h).attr('viewBox', `0 0 ${w} ${h}`);
    },
    setText(text) {
      heading.textContent = text.heading;
      svg.select('title').text(text.title);
      svg.select('desc').text(text.desc);
      legend.replaceChildren(...text.legend.map(legendItem));
      legend.hidden = text.legend.length === 0;
      context.replaceChildren(...(text.context ?? []).map((line) => Object.assign(document.createElement('span'), { textContent: line })));
      context.hidden = !text.context?.length;
      const parts = [];
      const sources = text.outlets.join(', ');
      if (text.outlets.length) parts.push(t(locale, text.outlets.length === 1 ? 'chart.note.source' : 'graphic.sources', { sources }));
      if (text.asOfLabel) parts.push(t(locale, 'graphic.asOf', { date: text.asOfLabel }));
      note.textContent = parts.join(' · ');
    },
  };
  return frame;
}

function legendItem(item: LegendItem): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'chart-legend__item';
  li.dataset.kind = item.kind;
  const icon = document.createElementNS(SVG_NS, 'svg');
  icon.setAttribute('class', 'chart-legend__swatch');
  icon.setAttribute('width', '28');
  icon.setAttribute('height', '14');
  icon.setAttribute('viewBox', '0 0 28 14');
  icon.setAttribute('aria-hidden', 'true');
  icon.setAttribute('focusable', 'false');
  icon.innerHTML = swatch(item.kind, item.colour ?? MARK.blue);
  const label = document.createElement('span');
  label.textContent = item.label;
  li.append(icon, label);
  return li;
}

const tintOf = (colour: string): string =>
  colour === MARK.vermillion ? TINT.vermillion : colour === MARK.green ? TINT.green : colour === MARK.grey ? TINT.grey : TINT.blue;

/** SVG markup of a 28 × 14 px legend swatch (static markup, no user data). */
function swatch(kind: LegendKind, c: string): string {
  switch (kind) {
    case 'exact':
      return `<rect x="1" y="2" width="26" height="10" fill="${c}"/>`;
    case 'approximate':
      return `<rect x="1.5" y="2.5" width="25" height="9" fill="${tintOf(c)}" stroke="${c}" stroke-width="1.5" stroke-dasharray="4 2.5"/>`;
    case 'lower-bound':
      return `<rect x="1" y="2" width="14" height="10" fill="${c}"/><rect x="15" y="2" width="8" height="10" fill="${c}" opacity="0.35"/><path d="M20 1 L27 7 L20 13" fill="none" stroke="${c}" stroke-width="2"/>`;
    case 'context':
      return `<rect x="1.5" y="2.5" width="19" height="9" fill="none" stroke="${c}" stroke-width="1.5"/><path d="M20 1 L27 7 L20 13" fill="none" stroke="${c}" stroke-width="1.5"/>`;
    case 'cell-filled':
      return `<rect x="8" y="1" width="12" height="12" fill="${c}"/>`;
    case 'cell-empty':
      return `<rect x="8.75" y="1.75" width="10.5" height="10.5" fill="#fff" stroke="${c}" stroke-width="1.5"/>`;
    case 'event-day':
      return `<rect x="13" y="1" width="2" height="12" fill="${c}"/>`;
    case 'event-month':
      return `<path d="M3 12 V3 H25 V12" fill="none" stroke="${c}" stroke-width="2"/>`;
    case 'event-span':
      return `<rect x="3" y="4" width="22" height="6" fill="${c}"/>`;
    case 'event-highlight':
      return `<rect x="12" y="3" width="4" height="11" fill="${c}"/><path d="M9 0 H19 L14 4 Z" fill="${c}"/>`;
    case 'arrow-approximate':
      return `<path d="M14,1 L22,7 L17,7 L17,13 L11,13 L11,7 L6,7 Z" fill="${tintOf(c)}" stroke="${c}" stroke-width="1.5" stroke-dasharray="3 2"/>`;
    case 'arrow-qualitative':
      return `<path d="M14,1 L22,7 L17,7 L17,13 L11,13 L11,7 L6,7 Z" fill="#fff" stroke="${c}" stroke-width="1.5"/>`;
    case 'era':
      return `<rect x="1.5" y="1.5" width="25" height="11" fill="${tintOf(c)}" stroke="${c}" stroke-width="1.5"/>`;
  }
}
