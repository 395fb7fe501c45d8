/**
 * HTML labels on the WebGL map: one MapLibre Marker per placed label
 * (labels.ts), with the highlighted places' dots. No glyphs are needed, so
 * the map stays offline. Markers fade in and out with CSS opacity (instant
 * under reduced motion); a label without room is hidden but its dot stays.
 */
import type { Map as MapLibreMap, Marker } from 'maplibre-gl';
import type { StoryData } from '../story/types';
import type { PlacedLabel } from './labels';
import { SYMBOLS } from './symbols';

/** The Marker class, passed in so this module does not import maplibre-gl at run time. */
export type MarkerClass = typeof Marker;

interface Entry {
  marker: Marker;
  element: HTMLElement;
  key: string;
}

/** Milliseconds a leaving label takes to fade before it is removed. */
const FADE_MS = 300;

/** Builds the element of a label: a zero-size box at the point, with a dot (places) and the text. */
function labelElement(doc: Document, label: PlacedLabel, story: StoryData): HTMLElement {
  const el = doc.createElement('div');
  el.className = `map-label map-label--${label.kind}`;
  el.dataset.label = label.id;
  el.setAttribute('aria-hidden', 'true');
  el.style.setProperty('--gap', `${label.gap}px`);
  if (label.kind === 'place') {
    const place = story.places[label.id.slice('place:'.length)];
    const dot = doc.createElement('span');
    const symbol = place?.kind === 'capital' ? SYMBOLS.capital : SYMBOLS.town;
    dot.className = `map-label__dot map-label__dot--${place?.kind === 'capital' ? 'capital' : 'town'}`;
    dot.style.setProperty('--r', `${symbol.radius}px`);
    el.append(dot);
  }
  const text = doc.createElement('span');
  text.className = 'map-label__text';
  label.lines.forEach((line, i) => {
    const span = doc.createElement('span');
    span.className = i === 0 ? 'map-label__line' : 'map-label__line map-label__line--sub';
    span.textContent = line;
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
 * labels (fading in), moves kept ones to their new side, and fades out and
 * removes the rest.
 */
export class LabelMarkers {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly map: MapLibreMap,
    private readonly MarkerCtor: MarkerClass,
    private readonly story: StoryData,
  ) {}

  /** Shows exactly `labels`; `animate` false changes everything at once. */
  update(labels: PlacedLabel[], animate: boolean): void {
    const doc = this.map.getContainer().ownerDocument;
    const next = new Set<string>();
    for (const label of labels) {
      const key = `${label.id}|${label.lines.join('|')}`;
      next.add(key);
      let entry = this.entries.get(key);
      if (!entry) {
        const element = labelElement(doc, label, this.story);
        element.classList.toggle('is-instant', !animate);
        const marker = new this.MarkerCtor({ element, anchor: 'center' }).setLngLat(label.lngLat).addTo(this.map);
        entry = { marker, element, key };
        this.entries.set(key, entry);
        if (animate) requestAnimationFrame(() => requestAnimationFrame(() => element.classList.add('is-in')));
        else element.classList.add('is-in');
      }
      entry.element.classList.remove(...ANCHOR_CLASSES);
      entry.element.classList.add(label.anchor ? `is-${label.anchor}` : 'is-hidden');
      if (!label.anchor) entry.element.classList.add(`is-${label.anchors[0]}`);
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
