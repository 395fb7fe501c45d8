/**
 * Presenter mode: the story on a classroom projector, one step per screen.
 * A frame around the same figure (STYLE.md "One figure, many frames"): the
 * step's text in large type beside the live graphic (map or chart), the step
 * bar's previous/next buttons grown to projector size, and the position
 * ("Step 7 of 37"). The layout is CSS (src/styles/presenter.css, under
 * `html.is-presenting`, loaded when the engine starts so that it never holds
 * the first paint); the steps are the story engine's, driven in slides
 * mode (engine.ts `setSlides`), so the scene shown is always the engine's.
 *
 * Opens from a "Present" button (`[data-present-toggle]`: one at the top of
 * the page, one in the step bar; their labels follow the mode) or from the address: `?present`, and `?present#<step-id>` at that step.
 * The address carries `?present` while the mode is on, so a reload stays in it.
 *
 * Keys (presentation clickers send PageUp/PageDown or the arrow keys):
 * PageDown, →, ↓, J (and Space, outside buttons and links): next step;
 * PageUp, ←, ↑, K: previous; Home/End: first and last; Escape: back to the
 * scrolling story at the same step.
 */
import type { StoryEngine } from './engine';
import { keyBelongsToTarget } from './engine';
import { loadStylesheet } from './stylesheet';
import { t } from '../i18n/ui';
import type { Locale } from '../i18n/locales';
import presenterCssUrl from '../styles/presenter.css?url';

/** The query parameter that opens presenter mode. */
export const PRESENT_PARAM = 'present';

export interface Presenter {
  /** True while presenter mode is on. */
  readonly isOpen: boolean;
  /** Opens presenter mode at the engine's active step (the first if none is active yet). */
  open(): void;
  /** Leaves presenter mode: the scrolling story, scrolled to the same step, which takes the focus. */
  close(): void;
}

const NEXT_KEYS = new Set(['PageDown', 'ArrowRight', 'ArrowDown', 'j']);
const PREVIOUS_KEYS = new Set(['PageUp', 'ArrowLeft', 'ArrowUp', 'k']);

/** True when the address asks for presenter mode (`?present`). */
export function presentRequested(url: URL = new URL(location.href)): boolean {
  return url.searchParams.has(PRESENT_PARAM);
}

/**
 * Starts presenter mode's controls on the scrolly section `root`, driving
 * `engine`, with labels in `locale`. Shows the page's toggles
 * (`[data-present-toggle]`, hidden in the HTML so that readers without
 * JavaScript never see a button that does nothing), and loads the mode's
 * stylesheet. Opens when the address asks for it, as soon as that stylesheet
 * has loaded (so does the button, if pressed before: the mode is never shown
 * unstyled). Throws if `root` has no toggle (the step bar's, the way out of
 * the mode).
 */
export function startPresenter(root: HTMLElement, engine: StoryEngine, locale: Locale): Presenter {
  const doc = root.ownerDocument;
  const html = doc.documentElement;
  const toggles = [...doc.querySelectorAll<HTMLButtonElement>('[data-present-toggle]')];
  if (!root.querySelector('[data-present-toggle]')) throw new Error('presenter mode needs a [data-present-toggle] button in the scrolly section');
  const setLabels = (key: 'present.open' | 'present.close') => {
    for (const toggle of toggles) (toggle.querySelector<HTMLElement>('[data-present-label]') ?? toggle).textContent = t(locale, key);
  };
  for (const toggle of toggles) toggle.hidden = false;
  let isOpen = false;

  /** The address with `?present` added or removed; the fragment (the step) is kept. */
  function setAddress(present: boolean) {
    const url = new URL(location.href);
    if (present) url.searchParams.set(PRESENT_PARAM, '');
    else url.searchParams.delete(PRESENT_PARAM);
    // `?present=` reads better as `?present`.
    const href = url.href.replace(`${PRESENT_PARAM}=`, PRESENT_PARAM).replace(/\?(?=#|$)/, '');
    if (href !== location.href) history.replaceState(history.state, '', href);
  }

  const activeStep = () => root.querySelector<HTMLElement>('[data-step].is-active');

  // The mode's layout, fetched now (the engine starts after the first paint); the mode opens once it is in.
  let styled = false;
  const styles = loadStylesheet(presenterCssUrl, doc).then(() => {
    styled = true;
  });

  function open() {
    if (isOpen) return;
    if (!styled) {
      void styles.then(open);
      return;
    }
    isOpen = true;
    html.classList.add('is-presenting');
    engine.setSlides(true);
    // Opens on the step the reader was at; before the first step, on the first.
    engine.goTo(Math.max(engine.activeIndex, 0), { focus: false });
    setLabels('present.close');
    setAddress(true);
    scrollTo({ top: 0, behavior: 'instant' });
    activeStep()?.focus({ preventScroll: true });
  }

  function close() {
    if (!isOpen) return;
    isOpen = false;
    html.classList.remove('is-presenting');
    setLabels('present.open');
    setAddress(false);
    engine.setSlides(false);
    activeStep()?.focus({ preventScroll: true });
  }

  for (const toggle of toggles) toggle.addEventListener('click', () => (isOpen ? close() : open()));

  doc.addEventListener('keydown', (event) => {
    if (!isOpen || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || keyBelongsToTarget(event.target)) return;
    let to: number | undefined;
    if (NEXT_KEYS.has(event.key)) to = engine.activeIndex + 1;
    else if (PREVIOUS_KEYS.has(event.key)) to = engine.activeIndex - 1;
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = engine.stepCount - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    // From a button or link, the focus stays there (Space and Enter are theirs); otherwise it follows the step,
    // which screen readers then read.
    const onControl = event.target instanceof HTMLElement && !!event.target.closest('button, a[href]');
    if (event.key === ' ' && !onControl) to = engine.activeIndex + 1;
    if (to === undefined) return;
    event.preventDefault();
    engine.goTo(to, { focus: !onControl });
  });

  // A link in a step to something outside it (a source, a table) leaves presenter mode, so the link can be followed.
  root.addEventListener('click', (event) => {
    if (!isOpen || !(event.target instanceof Element)) return;
    const link = event.target.closest<HTMLAnchorElement>('a[href^="#"]');
    const target = link && doc.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (target && !target.hasAttribute('data-step')) close();
  });

  if (presentRequested()) open();

  return {
    get isOpen() {
      return isOpen;
    },
    open,
    close,
  };
}
