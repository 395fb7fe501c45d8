/**
 * The parts every chart shares, built once per chart: a <figure> whose
 * <figcaption> is the chart's heading, the SVG (role="img", labelled by its
 * <title>, described by its <desc>), an HTML legend of at most one line's
 * worth of keys, an optional context line, and a foot holding the source
 * line (outlets and "as of" date) beside the data table's toggle, which the
 * controller (index.ts) places in `frame.foot`.
 *
 * Every word is set in the graphics' sans stack (TYPE.sans in
 * src/design/tokens.ts): the heading at 16 px, labels at 14 px, legend,
 * ticks and the source line at 12 px. Chart modules draw inside `frame.plot`,
 * set the words with `frame.setText()` on every update, then ask
 * `frame.budget()` how tall their drawing may be so the whole figure fits
 * the pane it is shown in.
 */
import { select, type Selection } from 'd3-selection';
import type { ChartId } from './chart-ids';
import type { Locale } from '../i18n/locales';
import { t } from '../i18n/ui';
import { TYPE } from '../design/tokens';
import { canvasMeasure, wrapText, type Measure } from './text';
import { MARK, tintOf } from './palette';

/** Kinds of legend key, each drawn as a small swatch (see `swatch`). */
export type LegendKind =
  | 'exact'
  | 'approximate'
  | 'lower-bound'
  | 'cell-filled'
  | 'cell-empty'
  | 'faded'
  | 'ongoing'
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
  /** Outlet names, deduplicated, most relevant first (the source line lists them in this order). */
  outlets: string[];
  /** Formatted "as of" date, or '' for none. */
  asOfLabel: string;
  /** At most two keys: everything else is labelled on the drawing. */
  legend: LegendItem[];
  /** Context lines under the chart (for example an output figure given for scale). */
  context?: string[];
}

/** Options the controller passes to a chart (all optional: an embed passes none). */
export interface FrameOptions {
  /**
   * Height in px the whole figure may take (the chart pane's content box),
   * or Infinity when the figure may grow freely.
   */
  available?: () => number;
  /**
   * A fixed width in px for the whole figure, instead of the container's
   * (build-time figures, where nothing is laid out).
   */
  width?: number;
  /** Measures text where no canvas exists (build time); default: the page's font on a canvas. */
  measure?: Measure;
}

export interface ChartFrame {
  figure: HTMLElement;
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  defs: Selection<SVGDefsElement, unknown, null, undefined>;
  plot: Selection<SVGGElement, unknown, null, undefined>;
  /** The foot under the legend: the source line, and a slot for the data table's <details>. */
  foot: HTMLElement;
  /** Prefix for ids inside this chart's SVG (gradients, clip paths), unique on the page. */
  uid: string;
  /** Measures text in the chart's font (pixels). */
  measure: Measure;
  /** Width available to the drawing, in pixels (0 while nothing is laid out); the SVG adds a few pixels of margin. */
  width(): number;
  /**
   * Height in px the drawing may take so that heading, drawing, legend,
   * context, source line and table toggle all fit the pane, measured with the
   * words last set by `setText`. Infinity when the pane sets no limit or the
   * figure is hidden.
   */
  budget(): number;
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
/** The source line takes at most this many lines; longer lists name the first outlets and count the rest. */
const NOTE_MAX_LINES = 2;
const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The source line for `outlets` and `asOfLabel` in `locale`, no more than
 * `maxLines` lines of `width` px at 12 px: every outlet when they fit, else
 * the first ones and "and N more (see table)", else only their number (each
 * row of the table names its source). Pure, for tests; `measure` sets the text.
 */
export function sourceLine(outlets: string[], asOfLabel: string, locale: Locale, width: number, measure: Measure, maxLines = NOTE_MAX_LINES): string {
  const withDate = (sources: string) => {
    const parts = sources ? [sources] : [];
    if (asOfLabel) parts.push(t(locale, 'graphic.asOf', { date: asOfLabel }));
    return parts.join(' · ');
  };
  const full = withDate(outlets.length ? t(locale, outlets.length === 1 ? 'chart.note.source' : 'graphic.sources', { sources: outlets.join(', ') }) : '');
  const fits = (text: string) => width <= 0 || wrapText(text, width, measure, TYPE.small).length <= maxLines;
  if (fits(full)) return full;
  for (let shown = outlets.length - 1; shown >= 1; shown -= 1) {
    const text = withDate(t(locale, 'chart.note.sourcesMore', { sources: outlets.slice(0, shown).join(', '), count: outlets.length - shown }));
    if (fits(text)) return text;
  }
  return withDate(t(locale, 'chart.note.sourcesCount', { count: outlets.length }));
}

/**
 * Builds the frame of chart `chartId` inside `container` (an empty element).
 * `container`'s width, or its parent's while it is hidden, is the chart's width.
 */
export function createFrame(container: HTMLElement, chartId: ChartId, locale: Locale, options: FrameOptions = {}): ChartFrame {
  counter += 1;
  const uid = `chart-${chartId}-${counter}`;
  const figure = document.createElement('figure');
  figure.className = `chart chart--${chartId}`;
  figure.dataset.chartId = chartId;
  figure.style.fontFamily = TYPE.sans;

  const heading = document.createElement('figcaption');
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
  const foot = document.createElement('div');
  foot.className = 'chart__foot';
  const note = document.createElement('p');
  note.className = 'chart__note';
  foot.append(note);

  figure.append(heading, svgNode, legend, context, foot);
  container.append(figure);

  let measure: Measure | undefined;
  let measuredWith = -1;
  const frame: ChartFrame = {
    figure,
    svg,
    defs,
    plot,
    foot,
    uid,
    get measure() {
      if (options.measure) return options.measure;
      // Re-measure once web fonts have loaded: widths set in a fallback font would be wrong.
      if (!measure || measuredWith !== fontGeneration) {
        measure = canvasMeasure(getComputedStyle(svgNode).fontFamily || TYPE.sans);
        measuredWith = fontGeneration;
      }
      return measure;
    },
    width() {
      if (options.width !== undefined) return Math.max(0, Math.min(1440, Math.floor(options.width)) - 2 * PAD_X);
      const own = container.clientWidth;
      const w = own > 0 ? own : (container.parentElement?.clientWidth ?? 0);
      return Math.max(0, Math.min(1440, Math.floor(w)) - 2 * PAD_X);
    },
    budget() {
      const available = options.available?.() ?? Infinity;
      const figureHeight = figure.getBoundingClientRect().height;
      if (!Number.isFinite(available) || figureHeight <= 0) return Infinity;
      const drawing = svgNode.getBoundingClientRect().height;
      return Math.floor(available - (figureHeight - drawing) - PAD_TOP - PAD_BOTTOM);
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
      note.textContent = sourceLine(text.outlets, text.asOfLabel, locale, options.width ?? note.clientWidth, frame.measure);
    },
  };
  return frame;
}

function legendItem(item: LegendItem): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'chart-legend__item';
  li.dataset.kind = item.kind;
  li.dataset.colour = item.colour ?? MARK.context;
  const icon = document.createElementNS(SVG_NS, 'svg');
  icon.setAttribute('class', 'chart-legend__swatch');
  icon.setAttribute('width', '24');
  icon.setAttribute('height', '12');
  icon.setAttribute('viewBox', '0 0 24 12');
  icon.setAttribute('aria-hidden', 'true');
  icon.setAttribute('focusable', 'false');
  icon.innerHTML = swatch(item.kind, item.colour ?? MARK.context);
  const label = document.createElement('span');
  label.textContent = item.label;
  li.append(icon, label);
  return li;
}

let gradientCounter = 0;

/** SVG markup of a 24 × 12 px legend swatch in mark colour `c` (static markup, no user data). */
export function swatch(kind: LegendKind, c: string): string {
  switch (kind) {
    case 'exact':
      return `<rect x="1" y="2" width="22" height="8" fill="${c}"/>`;
    case 'approximate':
      return `<rect x="1.5" y="2.5" width="21" height="7" fill="${tintOf(c)}" stroke="${c}" stroke-width="1.5" stroke-dasharray="4 2.5"/>`;
    case 'lower-bound': {
      const id = `legend-open-${(gradientCounter += 1)}`;
      return `<defs><linearGradient id="${id}"><stop offset="0" stop-color="${c}" stop-opacity="0.55"/><stop offset="1" stop-color="${c}" stop-opacity="0"/></linearGradient></defs><rect x="1" y="2" width="11" height="8" fill="${c}"/><rect x="12" y="2" width="8" height="8" fill="url(#${id})"/><path d="M17 1 L22.5 6 L17 11" fill="none" stroke="${c}" stroke-width="1.75"/>`;
    }
    case 'cell-filled':
      return `<rect x="6" y="0.5" width="11" height="11" fill="${c}"/>`;
    case 'cell-empty':
      return `<rect x="6" y="0.5" width="11" height="11" fill="${tintOf(c)}"/>`;
    case 'faded': {
      const id = `legend-fade-${(gradientCounter += 1)}`;
      return `<defs><linearGradient id="${id}"><stop offset="0" stop-color="${c}" stop-opacity="0"/><stop offset="1" stop-color="${c}" stop-opacity="1"/></linearGradient></defs><rect x="0" y="2" width="24" height="8" fill="url(#${id})"/>`;
    }
    case 'ongoing':
      return `<rect x="0" y="2" width="15" height="8" fill="${c}"/><path d="M17 0.75 L22.5 6 L17 11.25" fill="none" stroke="${c}" stroke-width="1.75"/>`;
    case 'arrow-approximate':
      return `<path d="M12,0.75 L19,6 L15,6 L15,11.25 L9,11.25 L9,6 L5,6 Z" fill="${tintOf(c)}" stroke="${c}" stroke-width="1.5" stroke-dasharray="3 2"/>`;
    case 'arrow-qualitative':
      return `<path d="M12,0.75 L19,6 L15,6 L15,11.25 L9,11.25 L9,6 L5,6 Z" fill="#ffffff" stroke="${c}" stroke-width="1.5"/>`;
  }
}
