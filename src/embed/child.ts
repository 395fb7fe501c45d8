/**
 * The one module every embed page runs (figure embeds and the whole-story
 * embed): it tells the host page its height in every protocol hosts listen
 * for (protocols.ts), on load and whenever the height changes (a
 * ResizeObserver, never polling; an unchanged height is never re-sent; it
 * shrinks as well as grows), and it relays what the host says about its
 * viewport, so the whole story can follow the host page's scroll.
 *
 * Hosts that speak for their viewport: a Pym.js parent with `trackscroll`
 * (`viewport-iframe-position`), and the site's own resize script
 * (public/embed/resize.js: `{ 'road-to-bamako': 'viewport', … }`).
 * Nothing runs when the page is not in a frame.
 */
import { heightMessages, hostIds, parsePymMessage, parseViewport, pymMessage } from './protocols';

/** The key of the messages between the site's resize script and its embeds. */
export const MESSAGE_KEY = 'road-to-bamako';

/** What the reader sees of the embed: the host's viewport, in the embed's own CSS px (top of the embed = 0). */
export interface HostViewport {
  /** Where the host's viewport starts, from the top of the embed (negative: the embed starts lower down). */
  top: number;
  /** The host viewport's height. */
  height: number;
}

export interface EmbedChild {
  /** True when the page runs in a frame and talks to a host. */
  readonly framed: boolean;
  /** Calls `listener` with every viewport the host reports. Returns a function that stops listening. */
  onViewport(listener: (viewport: HostViewport) => void): () => void;
  /** Asks the host to scroll so that `y` (px from the embed's top) is at the top of its viewport. */
  scrollHostTo(y: number): void;
  /** Stops observing and listening. */
  stop(): void;
}

/** The height of the page's content in CSS px, whatever the frame's own height (so it can shrink). */
function contentHeight(doc: Document): number {
  const body = doc.body;
  const style = doc.defaultView?.getComputedStyle(body);
  const margins = style ? parseFloat(style.marginTop) + parseFloat(style.marginBottom) : 0;
  return Math.ceil(body.getBoundingClientRect().height + margins);
}

/**
 * Starts the embed's side of the conversation for the embed `embedId` (its
 * scene id, or `story`). Returns the handle; in an unframed page it does nothing.
 */
export function startEmbedChild(embedId: string, win: Window = window): EmbedChild {
  const doc = win.document;
  const framed = win.parent !== win;
  const ids = hostIds(win.location.href);
  const listeners = new Set<(v: HostViewport) => void>();
  let lastHeight = -1;
  const post = (message: unknown) => win.parent.postMessage(message, '*');

  const sendHeight = () => {
    const height = contentHeight(doc);
    if (height === lastHeight) return;
    lastHeight = height;
    for (const message of heightMessages(height, embedId, ids)) post(message);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== win.parent) return;
    let viewport: HostViewport | undefined;
    const pym = ids.pymId ? parsePymMessage(ids.pymId, event.data) : undefined;
    if (pym?.type === 'viewport-iframe-position') {
      const v = parseViewport(pym.message);
      if (v) viewport = { top: -v.top, height: v.viewportHeight };
    } else if (event.data && typeof event.data === 'object' && event.data[MESSAGE_KEY] === 'viewport') {
      const { top, height } = event.data as { top: number; height: number };
      if (Number.isFinite(top) && Number.isFinite(height)) viewport = { top: -top, height };
    }
    if (viewport) for (const listener of listeners) listener(viewport);
  };

  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(sendHeight) : undefined;
  if (framed) {
    observer?.observe(doc.body);
    win.addEventListener('message', onMessage);
    if (doc.readyState === 'complete') sendHeight();
    else win.addEventListener('load', sendHeight, { once: true });
  }

  return {
    framed,
    onViewport(listener) {
      listeners.add(listener);
      if (framed) {
        // Ask for the host's viewport now, in both dialects.
        if (ids.pymId) post(pymMessage(ids.pymId, 'parentPositionInfo'));
        post({ [MESSAGE_KEY]: 'viewport?', id: embedId });
      }
      return () => listeners.delete(listener);
    },
    scrollHostTo(y) {
      if (!framed) return;
      if (ids.pymId) post(pymMessage(ids.pymId, 'scrollToChildPos', String(Math.round(y))));
      post({ [MESSAGE_KEY]: 'scroll', id: embedId, top: Math.round(y) });
    },
    stop() {
      observer?.disconnect();
      win.removeEventListener('message', onMessage);
      listeners.clear();
    },
  };
}
