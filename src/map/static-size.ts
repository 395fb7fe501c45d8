/**
 * Size in CSS px of the map area of the build-time static images
 * (src/pages/maps/). Their legend is a panel below the map, so each SVG is
 * this wide and a little taller (its viewBox says by how much); the page's
 * `<img>` scales it to its box.
 */
export const STATIC_SIZE = { width: 640, height: 400 } as const;
