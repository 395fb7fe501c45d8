/**
 * Loads a stylesheet that only a lazily loaded graphic needs (MapLibre's and
 * the map's), so it never blocks the page's first paint. A `<link>` to the
 * site's own file: a strict Content Security Policy (`style-src 'self'`) holds.
 */

const loading = new Map<string, Promise<void>>();

/**
 * Adds `<link rel="stylesheet" href={url}>` to the document's head once, and
 * resolves when it has loaded (or failed: the graphic then draws unstyled
 * rather than not at all).
 */
export function loadStylesheet(url: string, doc: Document = document): Promise<void> {
  let promise = loading.get(url);
  if (!promise) {
    promise = new Promise<void>((resolve) => {
      const link = doc.createElement('link');
      link.rel = 'stylesheet';
      link.href = url;
      link.addEventListener('load', () => resolve(), { once: true });
      link.addEventListener('error', () => resolve(), { once: true });
      doc.head.append(link);
    });
    loading.set(url, promise);
  }
  return promise;
}
