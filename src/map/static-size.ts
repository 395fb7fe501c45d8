/**
 * Sizes in CSS px of the build-time static figures (src/pages/maps/). Each
 * figure is its map area plus the key and caption below it, so the SVG is
 * this wide and taller than the map (its viewBox says by how much); the
 * page's `<img>` scales it to its box.
 */

/** The regular figure's map area: desktop steps without JavaScript, and the placeholder in wide panels. */
export const STATIC_SIZE = { width: 640, height: 400 } as const;

/**
 * The narrow figure's map area (`/maps/<scene>-narrow.svg`): phones, where a
 * step's image is about 283 px wide on a 375 px page; drawn at about that
 * width so its 12–14 px text shows at 12 px or more.
 */
export const NARROW_STATIC_SIZE = { width: 280, height: 320 } as const;

/** The narrow figure's locator inset, CSS px. */
export const NARROW_LOCATOR_SIZE = { width: 44, height: 48 } as const;

/** Font size of the key and caption in the narrow figure, CSS px (slightly larger: it may be shown a little smaller). */
export const NARROW_KEY_FONT = 13;

/** Panels and pages up to this width (CSS px) use the narrow figure (40rem). */
export const NARROW_STATIC_MAX_PX = 640;

/** The lead graphic's map area (`map-lead`): a masthead figure of about 560 × 420 px with its key and caption. */
export const LEAD_STATIC_SIZE = { width: 560, height: 268 } as const;

/**
 * The lead graphic's narrow map area (`map-lead-narrow.svg`, phones): wider
 * than tall like the corridor it shows, and drawn about as wide as a 375 px
 * page shows it (335 px), so every place and dated note finds room and the
 * text stays at its drawn size. The key and caption add about 240 px below.
 */
export const LEAD_NARROW_STATIC_SIZE = { width: 336, height: 260 } as const;
