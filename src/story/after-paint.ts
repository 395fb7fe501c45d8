/**
 * Runs `run` (no arguments) once the browser has painted the page's first
 * content (its `first-contentful-paint` entry): the story engine is not needed
 * for the opening screen (the headline, the standfirst and the lead map, all
 * static HTML), so its code is fetched after that paint and does not compete
 * with the lead map and the stylesheet on a slow network. Measured by
 * `npm run bench` (bench/README.md).
 *
 * Runs `run` at once inside a frame (a whole-story embed must report its
 * height to the host page straight away, and a frame out of the host's view
 * may paint nothing) or in a browser without paint timing; after
 * `fallbackMs` (milliseconds, default 3000) at the latest, for a tab opened
 * in the background. Runs `run` exactly once; never throws (an error in `run`
 * is its own).
 */
export function afterFirstPaint(run: () => void, fallbackMs = 3000): void {
  const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
  if (window.parent !== window || !PerformanceObserver.supportedEntryTypes?.includes('paint') || painted()) {
    run();
    return;
  }
  let done = false;
  const observer = new PerformanceObserver(() => {
    if (painted()) once();
  });
  const once = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    run();
  };
  observer.observe({ type: 'paint' });
  setTimeout(once, fallbackMs);
}
