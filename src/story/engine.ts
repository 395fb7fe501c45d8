/**
 * The story engine: decides which step is active and renders that step's
 * scene, complete, on the sticky graphic.
 *
 * - scrollama activates steps as they cross the trigger line (mid-screen
 *   beside the graphic; in the middle of the text region under the graphic
 *   pane on portrait phones, see layout.ts). The engine never replays
 *   enter/exit changes: each activation renders the whole scene of the
 *   active step, so fast scrolling cannot leave stray layers behind.
 * - The layout and the trigger line are decided again whenever the viewport
 *   changes (rotation, window resize); the active step is kept and brought
 *   back to the new trigger line.
 * - On load the active step comes from the page, not from an event: the URL
 *   fragment (`#<step-id>`: deep link or reload) or, failing that, the step at
 *   the trigger line. That step's scene is shown at once, without animation.
 * - The URL fragment follows the active step (history.replaceState), so a
 *   reload or a shared link lands on the same step.
 * - Previous/next buttons and the keyboard (J/→ next, K/← previous) move
 *   between steps. While the page scrolls to a chosen step, the steps it
 *   passes are not activated: 50 presses in a second end on the right step.
 *   On phones in portrait, Next first shows the rest of a card taller than
 *   the room between the graphic pane and the step bar.
 * - When scrolling stops, the active step is checked against the scroll
 *   position (a fast flick can outrun the observers).
 * - Slides mode (`setSlides`, for presenter mode, src/story/presenter.ts):
 *   one step at a time, moved by `goTo` only; scrolling, the engine's own
 *   keys and its scroll-to-step are off, and each change is announced with
 *   the step's position ("Step 7 of 37. …"). Leaving it brings the page back
 *   to the active step.
 */
import scrollama from 'scrollama';
import { createAnnouncer } from './announcer';
import { createStoryGraphic, type StoryGraphic } from './graphic';
import { motionAllowed } from './motion';
import type { StoryData } from './types';
import { t } from '../i18n/ui';
import { currentLayout, triggerFor, type Layout } from './layout';
import { createFocusBridge } from './focus-bridge';
import { enhance } from './enhance';
import type { EmbedChild, HostViewport } from '../embed/child';

/** Milliseconds after which a scroll to a chosen step is taken as finished, if no `scrollend` came. */
const NAVIGATION_TIMEOUT_MS = 1500;

export interface StoryEngine {
  /** Index of the active step, or -1 before the first step is reached on a fresh load. */
  readonly activeIndex: number;
  /** How many steps the story has. */
  readonly stepCount: number;
  /**
   * Move to step `index` (clamped): show its scene and, outside slides mode,
   * scroll it into view. Focus moves to the step unless `focus` is false.
   */
  goTo(index: number, options?: { focus?: boolean }): void;
  /**
   * Slides mode on or off (presenter mode). On: the page's scroll no longer
   * moves between steps, `goTo` does not scroll, the J/K/arrow keys are left
   * to the caller. Off: the page is scrolled back to the active step at once,
   * and scrolling drives the steps again.
   */
  setSlides(on: boolean): void;
}

interface Elements {
  root: HTMLElement;
  steps: HTMLElement[];
  figure: HTMLElement;
  announcer: HTMLElement;
  previous: HTMLButtonElement | null;
  next: HTMLButtonElement | null;
  position: HTMLElement | null;
}

function elements(root: HTMLElement): Elements {
  const steps = [...root.querySelectorAll<HTMLElement>('[data-step]')];
  const figure = root.querySelector<HTMLElement>('[data-graphic]');
  const announcer = root.querySelector<HTMLElement>('[data-announcer]');
  if (!figure || !announcer) throw new Error('the scrolly section needs a [data-graphic] and a [data-announcer]');
  return {
    root,
    steps,
    figure,
    announcer,
    previous: root.querySelector<HTMLButtonElement>('[data-nav="previous"]'),
    next: root.querySelector<HTMLButtonElement>('[data-nav="next"]'),
    position: root.querySelector<HTMLElement>('[data-nav="position"]'),
  };
}

/** The step named by the URL fragment, if any. */
function stepFromHash(steps: HTMLElement[]): number {
  const id = decodeURIComponent(location.hash.slice(1));
  return id ? steps.findIndex((s) => s.dataset.step === id) : -1;
}

/** The last step whose top is above `line` (px from the top of the viewport): the one a reader there is reading. */
function stepAtLine(steps: HTMLElement[], line: number): number {
  let found = -1;
  steps.forEach((step, i) => {
    if (step.getBoundingClientRect().top <= line) found = i;
  });
  return found;
}

/** True when the key belongs to what has focus: a form field, the map in explore mode, a scrollable table, a dialog. */
export const keyBelongsToTarget = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) ||
    !!target.closest('.maplibregl-map, .is-exploring, .chart-table__scroll, dialog'));

/**
 * Starts the engine on a scrolly section `root` that holds the steps
 * (`[data-step]` with `data-scene`), the graphic (`[data-graphic]` with map
 * and chart panels), a live region (`[data-announcer]`) and optional nav
 * buttons (`[data-nav]`). Throws if the graphic or live region is missing, or
 * a step names a scene that `story` lacks.
 */
export interface StoryOptions {
  /**
   * The whole story embedded in a host page's iframe, sized to its content:
   * nothing scrolls inside, so the engine follows the host's viewport as the
   * embed reports it (src/embed/child.ts), places the graphic in it, and asks
   * the host to scroll when the reader moves by step.
   */
  host?: EmbedChild;
}

export function startStory(root: HTMLElement, story: StoryData, options: StoryOptions = {}): StoryEngine {
  const el = elements(root);
  const host = options.host?.framed ? options.host : undefined;
  /** What the reader sees, in this document's viewport px: the whole window, or the host's viewport when embedded. */
  let hostView: HostViewport | undefined;
  const viewTop = () => hostView?.top ?? 0;
  const viewHeight = () => hostView?.height ?? innerHeight;
  const stepAtTrigger = (steps: HTMLElement[], t: number) => stepAtLine(steps, viewTop() + viewHeight() * t);
  const graphic: StoryGraphic = createStoryGraphic(el.figure, story);
  const announcer = createAnnouncer(el.announcer);
  const navBarEl = root.querySelector<HTMLElement>('[data-nav-bar]');
  // Tab from the active step reaches the graphic's controls next, then the step bar (focus-bridge.ts).
  const bridge = createFocusBridge(navBarEl ? [el.figure, navBarEl] : [el.figure], el.steps);
  const scenes = el.steps.map((step) => {
    const scene = story.scenes[step.dataset.scene ?? ''];
    if (!scene) throw new Error(`step ${step.dataset.step} names unknown scene ${step.dataset.scene}`);
    return scene;
  });
  /** -2 until the first render, so that "before the first step" (-1) still renders. */
  let active = -2;
  /** Slides mode (presenter): steps move by goTo only, never by scrolling. */
  let slides = false;
  let layout: Layout = currentLayout();
  let trigger = 0.5;
  /** The graphic pane's and the step bar's heights decide the trigger line in the stacked layout. */
  function measureTrigger() {
    layout = currentLayout();
    trigger = triggerFor(layout, viewHeight(), el.figure.offsetHeight, navBarEl?.offsetHeight ?? 0);
    root.dataset.trigger = String(trigger);
    root.dataset.layout = layout;
  }

  /**
   * Where the page must scroll (absolute, px) to show `step`: its middle on
   * the trigger line; in the stacked layout, a step taller than the text
   * region starts just under the graphic pane instead, so its first line shows.
   */
  function scrollTargetFor(step: HTMLElement): number {
    const box = step.getBoundingClientRect();
    const boxTop = box.top - viewTop();
    let top = boxTop + box.height / 2 - viewHeight() * trigger;
    if (layout === 'stacked') {
      const paneBottom = el.figure.getBoundingClientRect().height;
      const region = viewHeight() - paneBottom - (navBarEl?.offsetHeight ?? 0);
      if (box.height > region - 24) top = boxTop - paneBottom - 12;
    }
    return (host ? viewTop() : scrollY) + top;
  }

  /**
   * While the page scrolls to a step the reader chose (buttons, keys, links),
   * the steps it passes are not activated: `navigatingTo` holds the chosen
   * index until the scroll ends.
   */
  let navigatingTo: number | null = null;
  let navigationTimer: number | undefined;
  /** Just out of slides mode: the chosen step holds until this time (performance.now(), ms), whatever the observers report. */
  let holdUntil = 0;
  function endNavigation() {
    navigatingTo = null;
    clearTimeout(navigationTimer);
  }
  /** The page's scroll position (px) that puts `step` at the trigger line, within the page's range. */
  const pageTopFor = (step: HTMLElement) =>
    Math.max(0, Math.min(scrollTargetFor(step), document.documentElement.scrollHeight - innerHeight));
  /** Where the last smooth scroll this engine started is going (px), until a scroll ends there. */
  let smoothTarget: number | null = null;

  /** Scrolls to `step` (absolute position, so repeated calls retarget instead of adding up). */
  function bringToTrigger(step: HTMLElement, behavior: ScrollBehavior, index: number) {
    if (host) {
      // Embedded: the host page scrolls; the steps it passes on the way are not activated.
      navigatingTo = index;
      clearTimeout(navigationTimer);
      navigationTimer = window.setTimeout(endNavigation, NAVIGATION_TIMEOUT_MS);
      host.scrollHostTo(scrollTargetFor(step));
      return;
    }
    const top = pageTopFor(step);
    if (Math.abs(top - scrollY) < 1) {
      // Already there as far as this script knows. But a smooth scroll to another step, chosen a
      // moment ago, may not have started yet (on a busy page the compositor starts it late, and
      // neither an instant nor a smooth scroll to where the page is stops it in Chromium): hold
      // this step, and when that scroll ends, reconcile() brings the page back here.
      if (smoothTarget !== null && Math.abs(smoothTarget - top) >= 1) {
        navigatingTo = index;
        clearTimeout(navigationTimer);
        navigationTimer = window.setTimeout(endNavigation, NAVIGATION_TIMEOUT_MS * 2);
        return;
      }
      endNavigation();
      return;
    }
    navigatingTo = index;
    clearTimeout(navigationTimer);
    navigationTimer = window.setTimeout(endNavigation, NAVIGATION_TIMEOUT_MS);
    scrollTo({ top, behavior });
    if (behavior === 'smooth') smoothTarget = top;
    else endNavigation();
  }

  enhance(root);
  measureTrigger();

  function updateNav() {
    if (el.previous) el.previous.disabled = active <= 0;
    if (el.next) el.next.disabled = active >= el.steps.length - 1;
    if (el.position) el.position.textContent = t(story.locale, 'nav.position', { n: Math.max(active, 0) + 1, total: el.steps.length });
    el.root.dataset.stepCount = String(el.steps.length);
  }

  /**
   * Make step `index` active and render its scene. `-1` means "before the
   * first step": the graphic shows the first scene and no step is marked.
   * The URL fragment follows the step, but never replaces a fragment that
   * names something else (#numbers, #source-…): that address is the reader's.
   */
  function activate(index: number, animate: boolean) {
    const i = Math.min(Math.max(index, -1), el.steps.length - 1);
    if (i === active) return;
    el.steps[active]?.classList.remove('is-active');
    el.steps[active]?.removeAttribute('aria-current');
    active = i;
    const scene = scenes[Math.max(i, 0)];
    graphic.render(scene, { animate: animate && motionAllowed() });
    updateNav();
    announcer.say(
      slides && el.steps[i]
        ? t(story.locale, 'present.announce', { position: el.position?.textContent ?? '', description: scene.description })
        : scene.description,
    );
    const step = el.steps[i];
    bridge.attach(step);
    if (!step) {
      delete root.dataset.activeStep;
      clearStepHash();
      return;
    }
    step.classList.add('is-active');
    step.setAttribute('aria-current', 'step');
    root.dataset.activeStep = step.id;
    const hashIsOurs = location.hash.length <= 1 || stepFromHash(el.steps) >= 0;
    if (hashIsOurs && location.hash.slice(1) !== step.id) history.replaceState(history.state, '', `#${step.id}`);
    // Links that keep the reader's step (the language switch) carry it along.
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-keep-step]')) link.hash = step.id;
  }

  /** Drops a step id from the URL (a link to a source or a table stays). */
  function clearStepHash() {
    if (stepFromHash(el.steps) >= 0) history.replaceState(history.state, '', location.pathname + location.search);
  }

  /**
   * Re-derives the active step from the scroll position once scrolling stops:
   * a fast flick can carry a step across the trigger line between two
   * observer callbacks, and the engine must never be left on a stale scene.
   */
  function reconcile() {
    if (slides || performance.now() < holdUntil) return;
    if (smoothTarget !== null && Math.abs(scrollY - smoothTarget) < 2) smoothTarget = null;
    if (navigatingTo !== null) {
      // A scroll has ended while a step was chosen: settle on it. If a late scroll carried the page
      // away from it (see bringToTrigger), the page goes back to the chosen step first.
      const chosen = navigatingTo;
      const step = el.steps[chosen];
      if (!host && step && Math.abs(pageTopFor(step) - scrollY) >= 2) scrollTo({ top: pageTopFor(step), behavior: 'instant' });
      endNavigation();
      activate(chosen, true);
      return;
    }
    const box = root.getBoundingClientRect();
    if (box.bottom < innerHeight * trigger) {
      clearStepHash(); // past the story: a reload should not jump back into it
      return;
    }
    activate(stepAtTrigger(el.steps, trigger), true);
    // Back in the story after following a link to a source: the address follows the story again.
    const step = el.steps[active];
    if (step && location.hash.slice(1) !== step.id) history.replaceState(history.state, '', `#${step.id}`);
  }

  /**
   * How much of the active step (px) is still hidden under the step bar: in the stacked layout (phones in
   * portrait) a long card can be taller than the room between the graphic pane and the bar. 0 otherwise,
   * and while the page is still scrolling to a chosen step.
   */
  function hiddenUnderBar(): number {
    const step = el.steps[active];
    if (!step || slides || host || layout !== 'stacked' || navigatingTo !== null || !navBarEl) return 0;
    return Math.max(0, Math.round(step.getBoundingClientRect().bottom - navBarEl.getBoundingClientRect().top));
  }

  /**
   * Next, from the step bar or the keyboard: a card partly hidden under the bar is read to its end first (the
   * page scrolls on by the room's height less two lines, so the reader keeps their place), then the next step.
   * A reader who only taps Next reads every line.
   */
  function advance(options: { focus?: boolean } = {}) {
    const hidden = hiddenUnderBar();
    if (hidden > 4) {
      const room = navBarEl!.getBoundingClientRect().top - el.figure.getBoundingClientRect().bottom;
      scrollBy({ top: Math.min(hidden + 12, Math.max(room - 48, room / 2)), behavior: motionAllowed() ? 'smooth' : 'instant' });
      return;
    }
    goTo(active + 1, options);
  }

  function goTo(index: number, options: { focus?: boolean } = {}) {
    const i = Math.min(Math.max(index, 0), el.steps.length - 1);
    if (el.steps.length === 0) return;
    const step = el.steps[i];
    activate(i, true);
    if (!slides) bringToTrigger(step, motionAllowed() ? 'smooth' : 'instant', i);
    if (options.focus ?? true) step.focus({ preventScroll: true });
  }

  /** How long the page is given to lay out again after slides mode before scrolling decides the step. */
  const SLIDES_EXIT_SETTLE_MS = 400;
  function setSlides(on: boolean) {
    if (on === slides) return;
    slides = on;
    endNavigation();
    root.classList.toggle('is-slides', on);
    if (on) return;
    // Back to scrolling: the page has been laid out again; put the active step on the trigger line at once,
    // and hold it while the observers catch up with the new layout.
    measureTrigger();
    if (!host) (scroller as typeof scroller & { offset(value: number): unknown }).offset(trigger);
    const step = el.steps[active];
    if (!step) return;
    const top = pageTopFor(step);
    if (host) host.scrollHostTo(top);
    else scrollTo({ top, behavior: 'instant' });
    navigatingTo = active;
    holdUntil = performance.now() + SLIDES_EXIT_SETTLE_MS;
    clearTimeout(navigationTimer);
    // Then the scroll position decides, as after any scroll: the same step, unless the reader has scrolled meanwhile.
    navigationTimer = window.setTimeout(() => {
      endNavigation();
      holdUntil = 0;
      reconcile();
    }, SLIDES_EXIT_SETTLE_MS);
  }

  // First paint: the step the page is at, shown at once.
  history.scrollRestoration = 'manual';
  /** The page has landed where its address points: smooth scrolling again (see enhance). */
  const landed = () => document.documentElement.classList.remove('is-landing');
  const fromHash = stepFromHash(el.steps);
  /** Embedded with a deep link: the linked step holds until the reader scrolls the host page. */
  let pinned: { index: number; firstTop?: number } | undefined;
  if (fromHash >= 0 && host) {
    activate(fromHash, false);
    pinned = { index: fromHash };
    landed(); // the host page scrolls, not this frame
  } else if (fromHash >= 0) {
    const step = el.steps[fromHash];
    // The same place the browser's own jump to the fragment picks (the steps' scroll-margin-top,
    // styles/story.css), so the two never fight while the page loads.
    const centre = () => step.scrollIntoView({ block: 'start', behavior: 'instant' });
    centre();
    activate(fromHash, false);
    // The browser's own jump to the fragment may come after this script: hold the step
    // until the page has loaded, then centre it again (unless the reader has taken over).
    navigatingTo = fromHash;
    const settle = () => {
      if (navigatingTo === fromHash) {
        centre();
        endNavigation();
      }
      requestAnimationFrame(landed);
    };
    if (document.readyState === 'complete') settle();
    else addEventListener('load', () => requestAnimationFrame(settle), { once: true });
  } else {
    activate(stepAtTrigger(el.steps, trigger), false);
    if (document.readyState === 'complete') landed();
    else addEventListener('load', landed, { once: true });
  }

  // Scroll-driven activation: scrollama in the page's own scroll; the host's reports when embedded.
  const scroller = scrollama();
  if (host) {
    root.classList.add('is-hosted');
    host.onViewport((view) => {
      hostView = view;
      placeInHostView();
      measureTrigger();
      if (pinned) {
        pinned.firstTop ??= view.top;
        if (Math.abs(view.top - pinned.firstTop) < 60) return;
        pinned = undefined;
      }
      const at = stepAtTrigger(el.steps, trigger);
      if (slides) return;
      if (navigatingTo !== null) {
        if (at === navigatingTo) endNavigation();
        return;
      }
      activate(at, true);
    });
  } else {
    scroller
      .setup({ step: el.steps, offset: trigger as scrollama.DecimalType })
      .onStepEnter(() => {
        // The step at the trigger line now, not the one the event names: on a busy page an
        // observer's report can arrive after the page has moved on (a key press, a jump under
        // reduced motion), and must not bring back a step the reader has left.
        if (navigatingTo === null && !slides) activate(stepAtTrigger(el.steps, trigger), true);
      })
      .onStepExit(({ index, direction }) => {
        if (navigatingTo === null && !slides && index === 0 && direction === 'up') activate(-1, true);
      });
  }

  /**
   * Embedded: nothing is sticky inside an iframe sized to its content, so the
   * graphic and the step bar are placed where the host's viewport shows this
   * section (CSS variables read by styles/story.css, `.is-hosted`).
   */
  function placeInHostView() {
    if (!hostView) return;
    const top = hostView.top - root.offsetTop;
    const navHeight = navBarEl?.offsetHeight ?? 0;
    const maxTop = Math.max(0, root.offsetHeight - hostView.height);
    root.style.setProperty('--host-h', `${Math.round(hostView.height)}px`);
    root.style.setProperty('--host-top', `${Math.round(Math.min(Math.max(top, 0), maxTop))}px`);
    root.style.setProperty('--host-nav-top', `${Math.round(Math.min(Math.max(top + hostView.height - navHeight, 0), root.offsetHeight - navHeight))}px`);
  }

  if (host) {
    // The host's reports drive activation.
  } else if ('onscrollend' in window) {
    addEventListener('scrollend', reconcile);
  } else {
    let settle: number | undefined;
    addEventListener('scroll', () => {
      clearTimeout(settle);
      settle = window.setTimeout(reconcile, 150);
    }, { passive: true });
  }

  // Load each kind of graphic one viewport before its first step arrives.
  const firstOf = (kind: 'map' | 'chart') =>
    el.steps[scenes.findIndex((s) => (s.graphic === 'map') === (kind === 'map'))];
  const near = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        graphic.prepare(entry.target === firstOf('map') ? 'map' : 'chart');
        near.unobserve(entry.target);
      }
    },
    { rootMargin: '100% 0px 100% 0px' },
  );
  for (const kind of ['map', 'chart'] as const) {
    const step = firstOf(kind);
    if (step) near.observe(step);
  }

  // Controls.
  // In slides mode the focus stays on the button, so that it can be pressed again.
  el.previous?.addEventListener('click', () => goTo(active - 1, { focus: !slides }));
  el.next?.addEventListener('click', () => advance({ focus: !slides }));
  document.addEventListener('keydown', (event) => {
    if (slides) return; // the presenter has its own keys
    if (event.altKey || event.ctrlKey || event.metaKey || keyBelongsToTarget(event.target)) return;
    const rect = root.getBoundingClientRect();
    if (rect.bottom < 0 || rect.top > innerHeight) return; // the story is not on screen
    if (event.key === 'j' || event.key === 'ArrowRight') {
      event.preventDefault();
      root.classList.add('is-keyboard');
      advance();
    } else if (event.key === 'k' || event.key === 'ArrowLeft') {
      event.preventDefault();
      root.classList.add('is-keyboard');
      goTo(active - 1);
    }
  });
  addEventListener('hashchange', () => {
    const i = stepFromHash(el.steps);
    if (i >= 0) goTo(i, { focus: !slides });
  });
  // The focus ring marks a step reached from the keyboard, not one a link or a pointer landed on.
  addEventListener('pointerdown', () => root.classList.remove('is-keyboard'), { passive: true });
  // A reader who scrolls by hand takes over from any scroll the engine started.
  for (const type of ['wheel', 'touchstart'] as const) {
    addEventListener(type, () => navigatingTo !== null && endNavigation(), { passive: true });
  }

  // Rotation or resize: decide the layout and trigger line again, and keep the reader on the same step.
  // Embedded, the frame's height follows its content (the host sets it): only a new width is a resize,
  // and the host's page is never scrolled for it.
  let resizeFrame = 0;
  let lastWidth = innerWidth;
  addEventListener('resize', () => {
    if (host && innerWidth === lastWidth) return;
    lastWidth = innerWidth;
    // The step is held from the resize itself: the new layout moves every step under the old scroll
    // position, and the observers, which report before the next frame, must not pick another one.
    if (!host && !slides && navigatingTo === null && active >= 0) {
      navigatingTo = active;
      clearTimeout(navigationTimer);
      navigationTimer = window.setTimeout(endNavigation, NAVIGATION_TIMEOUT_MS);
    }
    cancelAnimationFrame(resizeFrame);
    resizeFrame = requestAnimationFrame(() => {
      if (slides) return; // one step per screen: nothing to scroll to (the graphic re-fits itself)
      const kept = navigatingTo ?? active;
      measureTrigger();
      // scrollama 3 has offset(); its type definitions omit it.
      if (!host) (scroller as typeof scroller & { offset(value: number): unknown }).offset(trigger);
      graphic.resize();
      if (host) {
        placeInHostView();
        return;
      }
      const step = el.steps[kept];
      if (step) bringToTrigger(step, 'instant', kept);
    });
  });

  return {
    get activeIndex() {
      return active;
    },
    get stepCount() {
      return el.steps.length;
    },
    goTo,
    setSlides,
  };
}
