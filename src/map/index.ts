/**
 * The story map: `createMapGraphic(container, story)` returns the controller
 * the story engine drives with one complete map scene at a time.
 *
 * Renderers, in the order a reader may meet them:
 * - `static`: the `<img class="map-static">` in the map panel (added by
 *   src/story/graphic.ts until this module arrives, or here); until MapLibre
 *   is ready, each render swaps it to the scene's build-time SVG
 *   (`${base}maps/<scene-id>.svg`, src/pages/maps/);
 * - `webgl`: MapLibre GL (its own chunk, loaded here with a dynamic import),
 *   an inline style of local GeoJSON, HTML labels, layers faded by opacity,
 *   cameras flown with a duration that scales with distance (jumps under
 *   reduced motion);
 * - `svg`: when WebGL2 is missing or MapLibre fails to start, the same
 *   scenes drawn by d3-geo (svg-map.ts) inline, with one visible note.
 *
 * When things go wrong, the reader keeps a map and a working story:
 * - map data late (a slow network): the static figure stays, and after
 *   LOADING_NOTE_MS a short note says the interactive map is loading;
 * - map data failed: the static figure stays for the rest of the visit, with
 *   a note that the interactive map could not load (the steps go on swapping
 *   the figure to each scene);
 * - WebGL context lost mid-story (a phone's GPU under pressure, a driver
 *   reset): the SVG map takes over at once, on the same step, with a note,
 *   for the rest of the visit. Restoring WebGL at a later step was the other
 *   choice: it would bring back only "Explore the map", at the cost of a blank
 *   or frozen canvas until the browser gives the context back (if it does),
 *   and of a second switch of renderer under the reader's eyes; a context lost
 *   once is also likely to be lost again. The SVG map shows the same design.
 *
 * Over the WebGL map and the SVG fallback the panel carries the same chrome,
 * drawn from the same data: the key (legend.ts; a box in the lower-left corner
 * in the column layout, a one-line key at the top of the pane that opens on
 * tap, Enter or Space and closes on Escape in the stacked layout and on
 * screens under 30rem tall), the caption
 * with every credit at the bottom, the locator inset and the scale bar
 * (inset.ts). Labels keep clear of all of them (labels.ts).
 *
 * The map never captures page scrolling or pinching: every interaction
 * handler is off until the reader presses "Explore the map" (a button at the
 * top right of the panel), and a second press returns to the story's view.
 *
 * After each render (after `moveend` for WebGL) the container carries:
 * `data-renderer` ("static" | "webgl" | "svg"), `data-view` (view id),
 * `data-layers` (visible layer ids, space-separated, `countries` always
 * included), `data-camera` (JSON `{center: [lon, lat], zoom, bounds:
 * [[w, s], [e, n]]}`: the real map's after moving; for static and SVG the
 * view's bounds and the camera that fits them) and `data-camera-target`
 * (JSON `{center, zoom}` the story asked for); `data-labels-hidden` lists the
 * labels that found no room (ids, space-separated).
 */
import type { GeoJSONSource, Map as MapLibreMap, NavigationControl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Bounds, GraphicController, MapSceneData, RenderOptions, StoryData } from '../story/types';
import { t } from '../i18n/ui';
import { TYPE } from '../design/tokens';
import { motionAllowed } from '../story/motion';
import { fitView, flightDuration, placesToKeep, project, type Camera, type CornerBox, type Insets, type Layout, type LegendBox, type Size } from './camera';
import { currentLayout } from '../story/layout';
import { loadGeoData, type GeoData } from './geo-data';
import { areasForCamera, buildOverlays, type Overlays } from './overlays';
import { fadeLayers, SOURCE_IDS, styleLayers } from './layers';
import { buildStyle } from './style';
import { legendFor, renderLegendItems, renderLegendPeek } from './legend';
import { labelCandidates, placeLabels, routeLines, type PlacedLabel } from './labels';
import { LabelMarkers } from './markers';
import { drawMapSvg } from './svg-map';
import { visibleLayers } from './scene-layers';
import { STATIC_SIZE, NARROW_STATIC_MAX_PX } from './static-size';
import { COLOURS } from './symbols';
import { canvasMeasure } from './text-metrics';
import { locatorSvg, scaleFor, SCALE_HEIGHT, scaleShapes, scaleText, scaleWidth } from './inset';
// The map's styles (with MapLibre's own) load with this chunk, not with the page.
import mapCssUrl from './map.css?url';
import { loadStylesheet } from '../story/stylesheet';
import { staticFigureUrl } from '../figure/urls';

export type Renderer = 'static' | 'webgl' | 'svg';

/** Milliseconds a layer takes to fade in or out. */
const FADE_MS = 450;
/** Milliseconds MapLibre may take to start before the SVG takes over. */
const START_TIMEOUT_MS = 20_000;
/** Milliseconds after which a static figure still waiting for the live map says so. */
export const LOADING_NOTE_MS = 2_500;

/** True when the browser can give MapLibre 6 the WebGL2 context it needs. */
export function webgl2Available(doc: Document = document): boolean {
  try {
    const canvas = doc.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}

const el = <K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string) => {
  const node = doc.createElement(tag);
  node.className = className;
  return node;
};

const round = (n: number, digits = 5) => Math.round(n * 10 ** digits) / 10 ** digits;

let instances = 0;

/** A box ([left, top, right, bottom], CSS px) of `el` relative to `origin`, or undefined when `el` is not shown. */
function boxOf(el: HTMLElement, origin: DOMRect): [number, number, number, number] | undefined {
  if (el.hidden || el.offsetWidth === 0) return undefined;
  const r = el.getBoundingClientRect();
  return [r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top];
}

/**
 * Creates the map graphic in `container` (the map panel; it may hold an
 * `<img class="map-static">` already) for `story` (views, places,
 * sources, events, figures, locale, base path). Starts loading the geography
 * (`${story.base}data/geo/west-africa.topo.json`) and MapLibre at once.
 * Throws if an overlay needs a place missing from `story.places`.
 */
export function createMapGraphic(container: HTMLElement, story: StoryData): GraphicController<MapSceneData> {
  const doc = container.ownerDocument;
  const l = story.locale;
  const styles = loadStylesheet(mapCssUrl, doc);
  const n = ++instances;
  let overlays: Overlays | undefined;
  container.classList.add('map-graphic');
  // One palette and one type, from the design tokens (symbols.ts), for the CSS too.
  for (const [name, value] of Object.entries({
    '--map-font': TYPE.sans,
    '--map-sea': COLOURS.sea,
    '--map-ink': COLOURS.ink,
    '--map-ink-muted': COLOURS.inkMuted,
    '--map-paper': COLOURS.halo,
    '--map-border': COLOURS.border,
  })) {
    container.style.setProperty(name, value);
  }
  const measure = canvasMeasure(doc, TYPE.sans);

  // DOM: static image (added by the story graphic, or here), WebGL host, SVG host, then the chrome.
  let img = container.querySelector<HTMLImageElement>('img.map-static');
  if (!img) {
    img = el(doc, 'img', 'map-static');
    img.width = STATIC_SIZE.width;
    img.height = STATIC_SIZE.height;
    container.prepend(img);
  }
  const staticImg = img;
  const canvasHost = el(doc, 'div', 'map-canvas');
  canvasHost.hidden = true;
  const svgHost = el(doc, 'div', 'map-svg');
  svgHost.hidden = true;

  // The key: a bar (toggle, shown in the stacked layout) and the items.
  const legendEl = el(doc, 'div', 'map-legend');
  legendEl.setAttribute('role', 'group');
  legendEl.setAttribute('aria-label', t(l, 'map.legend'));
  const legendBar = el(doc, 'div', 'map-legend__bar');
  const toggle = el(doc, 'button', 'map-legend__toggle');
  toggle.type = 'button';
  const itemsId = `map-key-items-${n}`;
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', itemsId);
  const toggleLabel = el(doc, 'span', 'map-legend__toggle-label');
  toggleLabel.textContent = t(l, 'map.legend.toggle');
  const peek = el(doc, 'span', 'map-legend__peek');
  peek.setAttribute('aria-hidden', 'true');
  const chevron = el(doc, 'span', 'map-legend__chevron');
  chevron.setAttribute('aria-hidden', 'true');
  toggle.append(toggleLabel, peek, chevron);
  legendBar.append(toggle);
  const items = el(doc, 'ul', 'map-legend__items');
  items.id = itemsId;
  legendEl.append(legendBar, items);

  const explore = el(doc, 'button', 'map-explore');
  explore.type = 'button';
  explore.setAttribute('aria-pressed', 'false');
  explore.textContent = t(l, 'map.explore');
  const locatorEl = el(doc, 'div', 'map-locator');
  const scaleEl = el(doc, 'div', 'map-scale');
  scaleEl.setAttribute('role', 'img');
  // The foot: the note (no WebGL), the explore hint and the caption with every credit.
  const foot = el(doc, 'div', 'map-foot');
  const note = el(doc, 'p', 'map-note');
  note.hidden = true;
  const hint = el(doc, 'p', 'map-hint');
  hint.hidden = true;
  hint.textContent = t(l, 'map.explored');
  const caption = el(doc, 'p', 'map-caption');
  foot.append(note, hint, caption);
  const chrome = [legendEl, explore, locatorEl, scaleEl, foot];
  for (const c of chrome) c.hidden = true;
  // Over the static figure (which has its own key and caption): why the live map is not there yet, or will not be.
  const status = el(doc, 'p', 'map-status');
  status.hidden = true;
  container.append(canvasHost, svgHost, locatorEl, scaleEl, legendEl, explore, foot, status);

  let renderer: Renderer = 'static';
  let current: MapSceneData | undefined;
  let geo: GeoData | undefined;
  let map: MapLibreMap | undefined;
  let markers: LabelMarkers | undefined;
  let navigation: NavigationControl | undefined;
  let exploring = false;
  let keyOpen = false;
  let generation = 0;
  let areasZoom: number | undefined;
  let lastSize: Size = { width: 0, height: 0 };
  /** True when a scene could not be shown because the panel had no size. */
  let pending = false;
  /** True when the panel has been hidden (a chart showed) since the map last showed a scene. */
  let hiddenSinceShown = false;
  const styleSpecs = styleLayers();

  const view = (scene: MapSceneData) => {
    const v = story.views[scene.view];
    if (!v) throw new Error(`map scene "${scene.id}" names view "${scene.view}", which is not in content/views/`);
    return v;
  };
  const sizeOf = (): Size => ({ width: container.clientWidth, height: container.clientHeight });
  const layout = (): Layout => (doc.defaultView ? currentLayout(doc.defaultView) : 'column');

  function mark(scene: MapSceneData, camera: { center: [number, number]; zoom: number; bounds: Bounds }, target?: Camera) {
    container.dataset.renderer = renderer;
    container.dataset.view = scene.view;
    container.dataset.layers = visibleLayers(scene).join(' ');
    container.dataset.camera = JSON.stringify({
      center: camera.center.map((v) => round(v)),
      zoom: round(camera.zoom, 3),
      bounds: camera.bounds.map((p) => p.map((v) => round(v))),
    });
    container.dataset.cameraTarget = JSON.stringify(
      target ? { center: target.center.map((v) => round(v)), zoom: round(target.zoom, 3) } : null,
    );
  }

  /** Records the labels that found no room (`data-labels-hidden`, ids space-separated), for tests and review. */
  function markHidden(labels: PlacedLabel[]) {
    container.dataset.labelsHidden = labels
      .filter((label) => !label.anchor)
      .map((label) => label.id)
      .join(' ');
  }

  // --- chrome: key, caption, locator, scale bar ------------------------------
  function setKeyOpen(open: boolean) {
    keyOpen = open;
    legendEl.classList.toggle('is-open', open);
    toggle.setAttribute('aria-expanded', String(open));
  }
  toggle.addEventListener('click', () => setKeyOpen(!keyOpen));
  // Escape closes the open key, back on its button.
  legendEl.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !keyOpen) return;
    event.stopPropagation();
    setKeyOpen(false);
    toggle.focus();
  });

  /** Shows the chrome (explore only with WebGL) and fills it for `scene`. */
  function renderChrome(scene: MapSceneData) {
    for (const c of chrome) c.hidden = false;
    explore.hidden = renderer !== 'webgl';
    const legend = legendFor(scene, story);
    renderLegendItems(items, legend);
    renderLegendPeek(peek, legend);
    caption.textContent = legend.caption;
    if (geo) {
      const mali = geo.countries.features.find((f) => f.properties.iso === 'ML');
      locatorEl.innerHTML = locatorSvg(geo.africa, mali, view(scene).bounds, l);
    }
    if (!compactKey() && keyOpen) setKeyOpen(false);
    syncChromeVars();
  }

  /** CSS variables the chrome's positions depend on: the foot's height and the explore button's width. */
  function syncChromeVars() {
    container.style.setProperty('--map-foot-h', `${foot.offsetHeight}px`);
    container.style.setProperty('--map-explore-w', `${explore.hidden ? 0 : explore.offsetWidth}px`);
  }

  /** Draws the scale bar for `camera` (the largest round distance under a quarter of the panel, at most 110 px). */
  function updateScale(camera: Camera) {
    const scale = scaleFor(camera, Math.min(110, Math.max(60, container.clientWidth * 0.25)));
    const text = scaleText(scale, l);
    const width = scaleWidth(scale, measure(text, { size: 12 }));
    scaleEl.innerHTML =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${SCALE_HEIGHT}" viewBox="0 0 ${width} ${SCALE_HEIGHT}" aria-hidden="true" focusable="false">` +
      `${scaleShapes(scale, l, 0, 0)}</svg>`;
    scaleEl.setAttribute('aria-label', t(l, 'map.scale', { distance: text }));
  }

  /**
   * True when the key is the one-line bar that opens on tap (map.css: portrait
   * phones and tablets, and screens under 30rem tall, such as phones turned to
   * landscape); read from the page, so it always agrees with the CSS.
   */
  function compactKey(): boolean {
    return !legendEl.hidden && doc.defaultView?.getComputedStyle(legendBar).display !== 'none';
  }

  /**
   * What the camera must keep the view's bounds clear of (camera.ts): the key
   * (its box in the lower-left corner; or, when it is the one-line bar, the
   * band at the top it takes), the foot, and the explore button and the
   * locator in their corners.
   */
  function fitInputs(): { legend: LegendBox; insets: Insets } {
    const footH = foot.hidden ? 0 : foot.offsetHeight;
    if (legendEl.hidden) return { legend: { width: 0, height: 0 }, insets: { top: 0, bottom: footH } };
    const origin = container.getBoundingClientRect();
    const corners = [explore, locatorEl].flatMap((c) => cornerBox(c, origin));
    if (compactKey()) {
      const bar = legendBar.getBoundingClientRect();
      return { legend: { width: 0, height: 0 }, insets: { top: bar.bottom - origin.top, bottom: footH, corners } };
    }
    return {
      legend: { width: legendEl.offsetWidth + 10, height: legendEl.offsetHeight + 8 },
      insets: { top: 0, bottom: footH, corners },
    };
  }

  /** `c` as a box in the corner of the panel (`origin`) nearest its centre, measured from that corner (none when hidden). */
  function cornerBox(c: HTMLElement, origin: DOMRect): CornerBox[] {
    if (c.hidden) return [];
    const r = c.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return [];
    const top = r.top + r.height / 2 < origin.top + origin.height / 2;
    const left = r.left + r.width / 2 < origin.left + origin.width / 2;
    return [
      {
        corner: `${top ? 'top' : 'bottom'}-${left ? 'left' : 'right'}`,
        width: Math.ceil(left ? r.right - origin.left : origin.right - r.left),
        height: Math.ceil(top ? r.bottom - origin.top : origin.bottom - r.top),
      },
    ];
  }

  /** Boxes of the chrome relative to `originEl` (CSS px), which labels keep clear of. */
  function reservedBoxes(originEl: HTMLElement): [number, number, number, number][] {
    const origin = originEl.getBoundingClientRect();
    return chrome.map((c) => boxOf(c, origin)).filter((b): b is [number, number, number, number] => Boolean(b));
  }

  // --- static --------------------------------------------------------------
  /** Shows the note `key` over the static figure, or none. */
  function setStatus(key?: 'map.loading' | 'map.unavailable') {
    status.hidden = !key;
    status.textContent = key ? t(l, key) : '';
  }
  let failed = false;
  const loadingNote = setTimeout(() => {
    if (renderer === 'static' && !failed) setStatus('map.loading');
  }, LOADING_NOTE_MS);
  /** The live map will not come: the static figure stays, and says so. */
  function keepStatic(reason: unknown) {
    console.warn('The map could not load; keeping the static map.', reason);
    failed = true;
    clearTimeout(loadingNote);
    if (renderer === 'static') setStatus('map.unavailable');
  }

  function showStatic(scene: MapSceneData) {
    const narrow = container.clientWidth > 0 && container.clientWidth <= NARROW_STATIC_MAX_PX;
    const url = staticFigureUrl(scene, story.locale, story.base, narrow);
    if (staticImg.getAttribute('src') !== url) staticImg.src = url;
    staticImg.alt = scene.description;
    staticImg.loading = 'eager';
    staticImg.hidden = false;
    const bounds = view(scene).bounds;
    const { camera } = fitView(bounds, STATIC_SIZE, 'column');
    mark(scene, { ...camera, bounds }, camera);
  }

  // --- svg fallback --------------------------------------------------------
  function showSvg(scene: MapSceneData) {
    if (!geo || !overlays) return;
    const size: Size = { width: svgHost.clientWidth, height: svgHost.clientHeight };
    pending = size.width === 0 || size.height === 0;
    if (pending) return;
    renderChrome(scene);
    const { legend, insets } = fitInputs();
    // The scale bar first: labels keep clear of it.
    updateScale(fitView(view(scene).bounds, size, layout(), legend, insets, placesToKeep(scene, story.places)).camera);
    const { svg, camera, labels } = drawMapSvg(scene, story, geo, {
      ...size,
      layout: layout(),
      idPrefix: `story-map-${n}`,
      overlays,
      legendBox: legend,
      insets,
      reserved: reservedBoxes(svgHost),
      measure,
    });
    svgHost.innerHTML = svg;
    markHidden(labels);
    mark(scene, { ...camera, bounds: view(scene).bounds }, camera);
  }

  /**
   * Draws the map as SVG from now on: WebGL is missing (`map.noWebgl`), or
   * MapLibre failed to start, or lost its context (`map.contextLost`).
   */
  function switchToSvg(reason: unknown, noteKey: 'map.noWebgl' | 'map.contextLost' = 'map.noWebgl') {
    if (renderer === 'svg') return;
    if (reason) console.warn('The interactive map could not start or stopped; drawing it as SVG instead.', reason);
    const old = map;
    map = undefined;
    markers = undefined;
    navigation = undefined;
    if (exploring) {
      exploring = false;
      container.classList.remove('is-exploring');
      hint.hidden = true;
    }
    // Removed after the current MapLibre event (this may run inside one) has finished.
    setTimeout(() => {
      try {
        old?.remove();
      } catch {
        /* the map may be half-built, or its context gone */
      }
    });
    clearTimeout(loadingNote);
    setStatus();
    renderer = 'svg';
    canvasHost.hidden = true;
    staticImg.hidden = true;
    svgHost.hidden = false;
    note.textContent = t(l, noteKey);
    note.hidden = false;
    if (current) showSvg(current);
  }

  // --- WebGL ---------------------------------------------------------------
  function targetCamera(scene: MapSceneData): Camera | undefined {
    const size = sizeOf();
    if (size.width === 0 || size.height === 0) return undefined;
    const v = view(scene);
    const { legend, insets } = fitInputs();
    const { camera } = fitView(v.bounds, size, layout(), legend, insets, placesToKeep(scene, story.places));
    return { ...camera, bearing: v.bearing, pitch: v.pitch };
  }

  /** The overlays with the areas as drawn through `camera` (never smaller than MIN_AREA_RADIUS_PX). */
  function overlaysFor(camera: Camera): Overlays | undefined {
    return overlays && { ...overlays, areas: areasForCamera(story.places, camera) };
  }

  function placeMarkers(scene: MapSceneData, camera: Camera, drawn: Overlays, animate: boolean) {
    if (!map || !markers || !geo) return;
    const size = sizeOf();
    const toPx = (lngLat: [number, number]) => project(camera, size, lngLat);
    const labels = placeLabels(labelCandidates(scene, story, geo, drawn), toPx, size, {
      reserved: reservedBoxes(container),
      measure,
      lines: routeLines(scene, drawn),
    });
    markHidden(labels);
    markers.update(labels, animate);
  }

  function moveTo(scene: MapSceneData, animate: boolean) {
    if (!map) return;
    const target = targetCamera(scene);
    const gen = ++generation;
    const done = () => {
      // A stale flight, or a panel hidden meanwhile (its camera is meaningless): keep the last record.
      if (gen !== generation || !map || container.clientWidth === 0) return;
      const b = map.getBounds();
      const c = map.getCenter();
      mark(
        scene,
        {
          center: [c.lng, c.lat],
          zoom: map.getZoom(),
          bounds: [
            [b.getWest(), b.getSouth()],
            [b.getEast(), b.getNorth()],
          ],
        },
        target,
      );
    };
    if (!target) {
      done();
      return;
    }
    const from: Camera = { center: [map.getCenter().lng, map.getCenter().lat], zoom: map.getZoom() };
    const duration = animate ? flightDuration(from, target) : 0;
    map.stop();
    if (duration === 0) {
      // A jump is synchronous: the camera is final at once.
      map.jumpTo(target);
      done();
    } else {
      map.once('moveend', done);
      // essential: the story already honours reduced motion (duration 0 above).
      map.flyTo({ ...target, duration, essential: true });
    }
  }

  function showGl(scene: MapSceneData, requestedAnimate: boolean) {
    if (!map) return;
    const size = sizeOf();
    // A hidden panel has no size: the ResizeObserver shows the scene when the panel reappears.
    pending = size.width === 0 || size.height === 0;
    if (pending) return;
    // MapLibre resizes itself from its own ResizeObserver, a frame late: make sure
    // its canvas matches the panel before computing a flight, or the flight ends off target.
    const canvas = map.getCanvas();
    if (canvas.clientWidth !== size.width || canvas.clientHeight !== size.height) map.resize();
    lastSize = size;
    // Coming back from a chart (the panel was hidden), the map appears at its view: no flight.
    const animate = requestedAnimate && !hiddenSinceShown;
    hiddenSinceShown = false;
    if (exploring) setExploring(false, false);
    renderChrome(scene);
    map.getCanvas().setAttribute('aria-label', scene.description);
    fadeLayers(map, styleSpecs, new Set(visibleLayers(scene)), animate ? FADE_MS : 0);
    const target = targetCamera(scene);
    if (target) {
      const drawn = overlaysFor(target);
      if (drawn && areasZoom !== target.zoom) {
        areasZoom = target.zoom;
        (map.getSource(SOURCE_IDS.areas) as GeoJSONSource | undefined)?.setData(drawn.areas);
      }
      // The scale bar first: labels keep clear of it.
      updateScale(target);
      if (drawn) placeMarkers(scene, target, drawn, animate);
    }
    moveTo(scene, animate);
  }

  function setExploring(on: boolean, returnToStory = true) {
    if (!map) return;
    exploring = on;
    explore.setAttribute('aria-pressed', String(on));
    explore.textContent = t(l, on ? 'map.exploreDone' : 'map.explore');
    hint.hidden = !on;
    syncChromeVars();
    container.classList.toggle('is-exploring', on);
    const handlers = [map.dragPan, map.scrollZoom, map.doubleClickZoom, map.keyboard, map.boxZoom, map.touchZoomRotate];
    for (const h of handlers) {
      if (on) h.enable();
      else h.disable();
    }
    if (on) map.touchZoomRotate.disableRotation();
    map.getCanvas().tabIndex = on ? 0 : -1;
    if (on && !navigation && NavigationCtor) {
      navigation = new NavigationCtor({ showCompass: false });
      map.addControl(navigation, 'top-right');
    } else if (!on && navigation) {
      map.removeControl(navigation);
      navigation = undefined;
    }
    if (on && geo) map.setMaxBounds(dataBounds(geo));
    if (!on) map.setMaxBounds(null);
    if (!on && returnToStory && current) {
      const target = targetCamera(current);
      if (target) updateScale(target);
      moveTo(current, motionAllowed());
    }
  }
  explore.addEventListener('click', () => {
    setExploring(!exploring);
    // The arrow keys pan the map once it has focus, so give it focus.
    if (exploring) map?.getCanvas().focus();
  });
  // Escape leaves explore mode from anywhere in the map, back on the button.
  container.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !exploring) return;
    setExploring(false);
    explore.focus();
  });

  let NavigationCtor: (typeof import('maplibre-gl'))['NavigationControl'] | undefined;

  /** MapLibre's own interface strings (the map's and its zoom buttons' names) in the story's language, from ui.ts. */
  function mapLibreLocale(locale: typeof l): Record<string, string> {
    return {
      'Map.Title': t(locale, 'map.control.map'),
      'Marker.Title': t(locale, 'map.control.marker'),
      'NavigationControl.ZoomIn': t(locale, 'map.control.zoomIn'),
      'NavigationControl.ZoomOut': t(locale, 'map.control.zoomOut'),
      'NavigationControl.ResetBearing': t(locale, 'map.control.resetBearing'),
    };
  }

  function startGl(data: GeoData, ml: typeof import('maplibre-gl')) {
    if (!overlays) return;
    ml.setWorkerUrl(workerUrl);
    NavigationCtor = ml.NavigationControl;
    canvasHost.hidden = false;
    const start = current ? targetCamera(current) : undefined;
    let loaded = false;
    const instance = new ml.Map({
      container: canvasHost,
      style: buildStyle(data, overlays),
      center: start?.center ?? [-5, 14],
      zoom: start?.zoom ?? 3,
      interactive: true,
      dragPan: false,
      scrollZoom: false,
      boxZoom: false,
      dragRotate: false,
      keyboard: false,
      doubleClickZoom: false,
      touchZoomRotate: false,
      touchPitch: false,
      pitchWithRotate: false,
      attributionControl: false,
      maplibreLogo: false,
      locale: mapLibreLocale(l),
      renderWorldCopies: false,
      fadeDuration: 0,
      minZoom: 1,
      maxZoom: 11,
      // Lets tests read the canvas's pixels (the map is small: the cost is negligible).
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map = instance;
    instance.getCanvas().tabIndex = -1;
    instance.getCanvasContainer().classList.add('map-canvas__inner');
    const timer = setTimeout(() => {
      if (!loaded) switchToSvg(new Error(`MapLibre did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    instance.on('error', (event) => {
      if (!loaded) {
        clearTimeout(timer);
        switchToSvg(event.error);
      } else console.warn('Map error', event.error);
    });
    instance.on('webglcontextlost', () => switchToSvg(new Error('WebGL context lost'), 'map.contextLost'));
    // While the reader explores, keep data-camera and the scale bar on what the map shows.
    instance.on('moveend', () => {
      if (!exploring || !current) return;
      const b = instance.getBounds();
      const c = instance.getCenter();
      const camera = { center: [c.lng, c.lat] as [number, number], zoom: instance.getZoom() };
      updateScale(camera);
      mark(current, {
        ...camera,
        bounds: [
          [b.getWest(), b.getSouth()],
          [b.getEast(), b.getNorth()],
        ],
      });
    });
    instance.once('load', () => {
      if (renderer === 'svg') return;
      loaded = true;
      clearTimeout(timer);
      markers = new LabelMarkers(instance, ml.Marker);
      renderer = 'webgl';
      clearTimeout(loadingNote);
      setStatus();
      staticImg.hidden = true;
      lastSize = sizeOf();
      if (current) showGl(current, false);
    });
  }

  // --- start ---------------------------------------------------------------
  const geoPromise = loadGeoData(story.base).then((data) => {
    overlays = buildOverlays(story.places, data.countries.features);
    geo = data;
    return data;
  });
  if (!webgl2Available(doc)) {
    Promise.all([geoPromise, styles]).then(() => switchToSvg(undefined), keepStatic);
  } else {
    Promise.all([geoPromise, import('maplibre-gl'), styles]).then(
      ([data, ml]) => {
        try {
          startGl(data, ml);
        } catch (error) {
          switchToSvg(error);
        }
      },
      (error: unknown) => {
        if (geo) switchToSvg(error);
        else keepStatic(error);
      },
    );
  }

  // Re-fit when the panel changes size (rotation, window resize, panel shown).
  const observer =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => {
          const size = sizeOf();
          if (size.width === 0 || size.height === 0) {
            // Hidden: finish any flight at once (MapLibre cannot fly a 0×0 map to the right place).
            hiddenSinceShown = true;
            map?.stop();
            return;
          }
          if (!pending && size.width === lastSize.width && size.height === lastSize.height) return;
          controller.resize();
        })
      : undefined;
  observer?.observe(container);

  const controller: GraphicController<MapSceneData> = {
    render(scene: MapSceneData, options: RenderOptions) {
      current = scene;
      const animate = options.animate && motionAllowed();
      if (renderer === 'webgl') showGl(scene, animate);
      else if (renderer === 'svg') showSvg(scene);
      else showStatic(scene);
    },
    resize() {
      if (!current) return;
      if (renderer === 'webgl' && map) {
        map.resize();
        lastSize = sizeOf();
        if (!exploring) showGl(current, false);
      } else if (renderer === 'svg') {
        lastSize = sizeOf();
        showSvg(current);
      } else {
        showStatic(current);
      }
    },
  };
  return controller;
}

/** The extent of the geography ([[w, s], [e, n]], degrees) from the data's countries. */
function dataBounds(data: GeoData): [[number, number], [number, number]] {
  let [w, s, e, n] = [180, 90, -180, -90];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of data.countries.features) visit(f.geometry.coordinates);
  return [
    [w, Math.max(s, -80)],
    [e, Math.min(n, 80)],
  ];
}
