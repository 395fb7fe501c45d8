/**
 * HTML labels on the WebGL map: one MapLibre Marker per label (labels.ts),
 * carrying the highlighted places' dots. No glyphs are needed, so the map
 * stays offline. Each line is set inline from `labelStyle` and each dot from
 * its SYMBOLS entry (diameter 2 × radius + stroke, as in the SVG), so the
 * HTML and SVG maps match. Markers fade in and out with CSS opacity (instant
 * under reduced motion); a place label without room is hidden but its dot
 * stays; other labels without room are removed.
 */
import type { Map as MapLibreMap, Marker } from 'maplibre-gl';
import type { PlacedLabel } from './labels';
import { labelStyle, LINE_HEIGHT } from './labels';
import { pointDiameter, SYMBOLS, type PointSymbolName } from './symbols';

/** The Marker class, passed in so this module does not import maplibre-gl at run time. */
export type MarkerClass = typeof Marker;

interface Entry {
  marker: Marker;
  element: HTMLElement;
  /** The lines and symbol the element was built with. */
  signature: string;
}

/** Milliseconds a leaving label takes to fade before it is removed. */
const FADE_MS = 300;

/** A dot of `symbol` as an HTML element centred on its marker (border-box: outer diameter = 2r + stroke). */
export function dotElement(doc: Document, symbol: PointSymbolName): HTMLElement {
  const s = SYMBOLS[symbol];
  const dot = doc.createElement('span');
  dot.className = 'map-label__dot';
  dot.dataset.symbol = symbol;
  const d = pointDiameter(symbol);
  Object.assign(dot.style, {
    width: `${d}px`,
    height: `${d}px`,
    background: s.fill,
    border: `${s.strokeWidth}px solid ${s.stroke}`,
  });
  return dot;
}

/** Builds the element of a label: a zero-size box at its spot, with a dot (places) and the text lines. */
function labelElement(doc: Document, label: PlacedLabel): HTMLElement {
  const el = doc.createElement('div');
  el.className = `map-label map-label--${label.kind}`;
  el.dataset.label = label.id;
  el.dataset.kind = label.kind;
  el.setAttribute('aria-hidden', 'true');
  el.style.setProperty('--gap', `${label.gap}px`);
  if (label.symbol) el.append(dotElement(doc, label.symbol));
  const text = doc.createElement('span');
  text.className = 'map-label__text';
  label.lines.forEach((line, i) => {
    const style = labelStyle(label.kind, i, label.variant);
    const span = doc.createElement('span');
    span.className = 'map-label__line';
    span.textContent = line;
    Object.assign(span.style, {
      fontSize: `${style.size}px`,
      lineHeight: `${style.size * LINE_HEIGHT}px`,
      fontWeight: style.bold ? '700' : '400',
      fontStyle: style.italic ? 'italic' : 'normal',
      letterSpacing: style.tracking ? `${style.tracking}em` : 'normal',
      color: style.colour,
    });
    text.append(span);
  });
  el.append(text);
  return el;
}

const ANCHOR_CLASSES = [
  'is-right',
  'is-left',
  'is-top',
  'is-bottom',
  'is-top-right',
  'is-bottom-right',
  'is-top-left',
  'is-bottom-left',
  'is-center',
  'is-hidden',
];

/**
 * Keeps the map's label markers in step with the scene: `update` adds new
 * labels (fading in), moves kept ones to their new spot and side, and fades
 * out and removes the rest.
 */
export class LabelMarkers {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly map: MapLibreMap,
    private readonly MarkerCtor: MarkerClass,
  ) {}

  /** Shows exactly `labels` (a hidden non-place label is left out); `animate` false changes everything at once. */
  update(labels: PlacedLabel[], animate: boolean): void {
    const doc = this.map.getContainer().ownerDocument;
    const next = new Set<string>();
    for (const label of labels) {
      if (!label.anchor && !label.symbol) continue;
      const key = label.id;
      const signature = `${label.lines.join('|')}|${label.symbol ?? ''}|${label.variant ?? ''}`;
      next.add(key);
      let entry = this.entries.get(key);
      if (entry && entry.signature !== signature) {
        entry.marker.remove();
        this.entries.delete(key);
        entry = undefined;
      }
      if (!entry) {
        const element = labelElement(doc, label);
        element.classList.toggle('is-instant', !animate);
        const marker = new this.MarkerCtor({ element, anchor: 'center' }).setLngLat(label.place ?? label.lngLat).addTo(this.map);
        entry = { marker, element, signature };
        this.entries.set(key, entry);
        if (animate) requestAnimationFrame(() => requestAnimationFrame(() => element.classList.add('is-in')));
        else element.classList.add('is-in');
      } else {
        entry.marker.setLngLat(label.place ?? label.lngLat);
      }
      entry.element.classList.remove(...ANCHOR_CLASSES);
      entry.element.classList.add(label.anchor ? `is-${label.anchor}` : 'is-hidden');
      if (!label.anchor) entry.element.classList.add(`is-${label.spots[0].anchors[0]}`);
      entry.element.classList.toggle('is-instant', !animate);
    }
    for (const [key, entry] of this.entries) {
      if (next.has(key)) continue;
      this.entries.delete(key);
      entry.element.classList.toggle('is-instant', !animate);
      entry.element.classList.remove('is-in');
      if (animate) setTimeout(() => entry.marker.remove(), FADE_MS);
      else entry.marker.remove();
    }
  }

  /** Removes every marker. */
  clear(): void {
    for (const entry of this.entries.values()) entry.marker.remove();
    this.entries.clear();
  }
}
