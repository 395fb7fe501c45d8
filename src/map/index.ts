/**
 * The story map: `createMapGraphic(container, story)` returns the controller
 * the story engine drives with one complete map scene at a time.
 *
 * Renderers, in the order a reader may meet them:
 * - `static`: the `<img class="map-static">` the page server-renders in the
 *   map panel; until MapLibre is ready, each render swaps it to the scene's
 *   build-time SVG (`${base}maps/<scene-id>.svg`, src/pages/maps/);
 * - `webgl`: MapLibre GL (its own chunk, loaded here with a dynamic import),
 *   an inline style of local GeoJSON, HTML labels, layers faded by opacity,
 *   cameras flown with a duration that scales with distance (jumps under
 *   reduced motion);
 * - `svg`: when WebGL2 is missing or MapLibre fails to start, the same
 *   scenes drawn by d3-geo (svg-map.ts) inline, with one visible note.
 *
 * The map never captures page scrolling or pinching: every interaction
 * handler is off until the reader presses "Explore the map" (a button in the
 * legend), and a second press returns to the story's view.
 *
 * After each render (after `moveend` for WebGL) the container carries:
 * `data-renderer` ("static" | "webgl" | "svg"), `data-view` (view id),
 * `data-layers` (visible layer ids, space-separated, `countries` always
 * included), `data-camera` (JSON `{center: [lon, lat], zoom, bounds:
 * [[w, s], [e, n]]}`: the real map's after moving; for static and SVG the
 * view's bounds and the camera that fits them) and `data-camera-target`
 * (JSON `{center, zoom}` the story asked for).
 */
import type { Map as MapLibreMap, NavigationControl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Bounds, GraphicController, MapSceneData, RenderOptions, StoryData } from '../story/types';
import { t } from '../i18n/ui';
import { motionAllowed } from '../story/motion';
import { fitView, flightDuration, project, type Camera, type Layout, type Size } from './camera';
import { currentLayout } from '../story/layout';
import { loadGeoData, type GeoData } from './geo-data';
import { buildOverlays, type Overlays } from './overlays';
import { fadeLayers, styleLayers } from './layers';
import { buildStyle } from './style';
import { legendFor, renderLegend } from './legend';
import { labelCandidates, placeLabels } from './labels';
import { LabelMarkers } from './markers';
import { drawMapSvg } from './svg-map';
import { visibleLayers } from './scene-layers';
import { STATIC_SIZE } from './static-size';
// The map's styles (with MapLibre's own) load with this chunk, not with the page.
import mapCssUrl from './map.css?url';
import { loadStylesheet } from '../story/stylesheet';

export type Renderer = 'static' | 'webgl' | 'svg';

/** Milliseconds a layer takes to fade in or out. */
const FADE_MS = 450;
/** Milliseconds MapLibre may take to start before the SVG takes over. */
const START_TIMEOUT_MS = 20_000;

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

/**
 * Creates the map graphic in `container` (the map panel; it may hold the
 * server-rendered `<img class="map-static">`) for `story` (views, places,
 * sources, events, locale, base path). Starts loading the geography
 * (`${story.base}data/geo/west-africa.topo.json`) and MapLibre at once.
 * Throws if an overlay needs a place missing from `story.places`.
 */
export function createMapGraphic(container: HTMLElement, story: StoryData): GraphicController<MapSceneData> {
  const doc = container.ownerDocument;
  const l = story.locale;
  const styles = loadStylesheet(mapCssUrl, doc);
  const overlays: Overlays = buildOverlays(story.places);
  container.classList.add('map-graphic');

  // DOM: static image (server-rendered), WebGL host, SVG host, note, legend.
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
  const note = el(doc, 'p', 'map-note');
  note.hidden = true;
  const legendEl = el(doc, 'div', 'map-legend');
  legendEl.hidden = true;
  legendEl.setAttribute('role', 'group');
  legendEl.setAttribute('aria-label', t(l, 'map.legend'));
  const legendHead = el(doc, 'div', 'map-legend__head');
  const legendTitle = el(doc, 'p', 'map-legend__title');
  legendTitle.textContent = t(l, 'map.legend');
  const explore = el(doc, 'button', 'map-explore');
  explore.type = 'button';
  explore.setAttribute('aria-pressed', 'false');
  explore.textContent = t(l, 'map.explore');
  const hint = el(doc, 'p', 'map-legend__hint');
  hint.hidden = true;
  hint.textContent = t(l, 'map.explored');
  const legendBody = el(doc, 'div', 'map-legend__body');
  legendHead.append(legendTitle, explore);
  legendEl.append(legendHead, hint, legendBody);
  container.append(canvasHost, svgHost, note, legendEl);

  let renderer: Renderer = 'static';
  let current: MapSceneData | undefined;
  let geo: GeoData | undefined;
  let map: MapLibreMap | undefined;
  let markers: LabelMarkers | undefined;
  let navigation: NavigationControl | undefined;
  let exploring = false;
  let generation = 0;
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

  // --- static --------------------------------------------------------------
  function showStatic(scene: MapSceneData) {
    const url = `${story.base}maps/${scene.id}.svg`;
    if (staticImg.getAttribute('src') !== url) staticImg.src = url;
    staticImg.alt = t(l, 'step.staticAlt', { description: scene.description });
    staticImg.loading = 'eager';
    staticImg.hidden = false;
    const bounds = view(scene).bounds;
    const { camera } = fitView(bounds, STATIC_SIZE, 'column');
    mark(scene, { ...camera, bounds }, camera);
  }

  // --- svg fallback --------------------------------------------------------
  function showSvg(scene: MapSceneData) {
    if (!geo) return;
    const size: Size = { width: svgHost.clientWidth, height: svgHost.clientHeight };
    pending = size.width === 0 || size.height === 0;
    if (pending) return;
    const { svg, camera } = drawMapSvg(scene, story, geo, {
      ...size,
      layout: layout(),
      idPrefix: 'story-map',
      overlays,
    });
    svgHost.innerHTML = svg;
    mark(scene, { ...camera, bounds: view(scene).bounds }, camera);
  }

  function switchToSvg(reason: unknown) {
    if (renderer === 'svg') return;
    if (reason) console.warn('The interactive map could not start; drawing it as SVG instead.', reason);
    try {
      map?.remove();
    } catch {
      /* the map may be half-built */
    }
    map = undefined;
    markers = undefined;
    renderer = 'svg';
    canvasHost.hidden = true;
    legendEl.hidden = true;
    staticImg.hidden = true;
    svgHost.hidden = false;
    note.textContent = t(l, 'map.noWebgl');
    note.hidden = false;
    container.classList.add('has-note');
    if (current) showSvg(current);
  }

  // --- WebGL ---------------------------------------------------------------
  function legendBoxSize(): { width: number; height: number } {
    return { width: legendEl.offsetWidth, height: legendEl.offsetHeight };
  }

  function targetCamera(scene: MapSceneData): Camera | undefined {
    const size = sizeOf();
    if (size.width === 0 || size.height === 0) return undefined;
    const v = view(scene);
    const { camera } = fitView(v.bounds, size, layout(), legendBoxSize());
    return { ...camera, bearing: v.bearing, pitch: v.pitch };
  }

  function placeMarkers(scene: MapSceneData, camera: Camera, animate: boolean) {
    if (!map || !markers || !geo) return;
    const size = sizeOf();
    const box = legendEl.getBoundingClientRect();
    const origin = container.getBoundingClientRect();
    const reserved: [number, number, number, number][] = legendEl.hidden
      ? []
      : [[box.left - origin.left, box.top - origin.top, box.right - origin.left, box.bottom - origin.top]];
    const toPx = (lngLat: [number, number]) => project(camera, size, lngLat);
    markers.update(placeLabels(labelCandidates(scene, story, geo, overlays), toPx, size, reserved), animate);
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
    renderLegend(legendBody, legendFor(scene, story), { title: false });
    map.getCanvas().setAttribute('aria-label', scene.description);
    fadeLayers(map, styleSpecs, new Set(visibleLayers(scene)), animate ? FADE_MS : 0);
    const target = targetCamera(scene);
    if (target) placeMarkers(scene, target, animate);
    moveTo(scene, animate);
  }

  function setExploring(on: boolean, returnToStory = true) {
    if (!map) return;
    exploring = on;
    explore.setAttribute('aria-pressed', String(on));
    explore.textContent = t(l, on ? 'map.exploreDone' : 'map.explore');
    hint.hidden = !on;
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
      legendEl.hidden = false;
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

  function startGl(data: GeoData, ml: typeof import('maplibre-gl')) {
    ml.setWorkerUrl(workerUrl);
    NavigationCtor = ml.NavigationControl;
    canvasHost.hidden = false;
    // The legend appears with the map (the static image carries its own until then).
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
    instance.on('webglcontextlost', () => switchToSvg(new Error('WebGL context lost')));
    // While the reader explores, keep data-camera on what the map shows.
    instance.on('moveend', () => {
      if (!exploring || !current) return;
      const b = instance.getBounds();
      const c = instance.getCenter();
      mark(current, {
        center: [c.lng, c.lat],
        zoom: instance.getZoom(),
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
      markers = new LabelMarkers(instance, ml.Marker, story);
      renderer = 'webgl';
      staticImg.hidden = true;
      legendEl.hidden = false;
      lastSize = sizeOf();
      if (current) showGl(current, false);
    });
  }

  // --- start ---------------------------------------------------------------
  const geoPromise = loadGeoData(story.base).then((data) => (geo = data));
  if (!webgl2Available(doc)) {
    Promise.all([geoPromise, styles]).then(
      () => switchToSvg(undefined),
      (error: unknown) => console.warn('The map geography could not be loaded; keeping the static map.', error),
    );
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
        else console.warn('The map could not load; keeping the static map.', error);
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
