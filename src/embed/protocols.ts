/**
 * The height messages an embed sends its host page, one per protocol hosts
 * already listen for. Pure: each returns the exact message to post.
 *
 * - Pym.js (NPR, nprapps/pym.js src/pym.js `_makeMessage`): the string
 *   `pym` + `xPYMx` + childId + `xPYMx` + `height` + `xPYMx` + px, where the
 *   childId is the `childId` query parameter the Pym parent put on the iframe URL.
 * - AMP `amp-iframe`: `{ sentinel: 'amp', type: 'embed-size', height }`.
 * - Datawrapper-style: `{ 'datawrapper-height': { <embed id>: px } }`; the host
 *   finds the iframe whose contentWindow sent it.
 * - WordPress oEmbed (wp-embed): `{ message: 'height', value: px, secret }`,
 *   with the secret WordPress appends to the iframe URL (`#?secret=…`).
 *
 * Heights are CSS pixels, whole numbers.
 */

/** Pym's delimiter between the parts of a message. */
export const PYM_DELIMITER = 'xPYMx';

/** A Pym message of `type` for child `id` (e.g. `height`, `parentPositionInfo`). */
export function pymMessage(id: string, type: string, message = ''): string {
  return ['pym', id, type, message].join(PYM_DELIMITER);
}

/** Parses a Pym message for child `id`: its type and payload, or undefined for anything else. */
export function parsePymMessage(id: string, data: unknown): { type: string; message: string } | undefined {
  if (typeof data !== 'string') return undefined;
  const parts = data.split(PYM_DELIMITER);
  if (parts.length !== 4 || parts[0] !== 'pym' || parts[1] !== id) return undefined;
  return { type: parts[2], message: parts[3] };
}

/** AMP's `embed-size` request. */
export function ampMessage(height: number) {
  return { sentinel: 'amp', type: 'embed-size', height };
}

/** The Datawrapper-style height message for embed `embedId`. */
export function datawrapperMessage(embedId: string, height: number) {
  return { 'datawrapper-height': { [embedId]: height } };
}

/** WordPress's height message, with the secret the host gave the iframe. */
export function wordpressMessage(secret: string, height: number) {
  return { message: 'height', value: height, secret };
}

/** The identifiers a host passes in the embed's URL: Pym's `childId` query parameter, WordPress's `#?secret=`. */
export function hostIds(url: string): { pymId?: string; wordpressSecret?: string } {
  const u = new URL(url);
  const pymId = u.searchParams.get('childId') ?? undefined;
  const secret = /[#&?]secret=([A-Za-z0-9]+)/.exec(u.hash)?.[1];
  return { pymId, wordpressSecret: secret };
}

/**
 * Every message to post for a new `height` (px): Pym when the URL carries a
 * childId, WordPress when it carries a secret, and always AMP and Datawrapper-style.
 */
export function heightMessages(height: number, embedId: string, ids: { pymId?: string; wordpressSecret?: string }): unknown[] {
  const h = Math.ceil(height);
  return [
    ...(ids.pymId ? [pymMessage(ids.pymId, 'height', String(h))] : []),
    ampMessage(h),
    datawrapperMessage(embedId, h),
    ...(ids.wordpressSecret ? [wordpressMessage(ids.wordpressSecret, h)] : []),
  ];
}

/**
 * Reads Pym's `viewport-iframe-position` payload ("vw vh top left bottom
 * right", px, as nprapps/pym.js `sendViewportAndIFramePosition` sends it):
 * the host's viewport height and the iframe's top and bottom in it.
 */
export function parseViewport(payload: string): { viewportHeight: number; top: number; bottom: number } | undefined {
  const n = payload.trim().split(/\s+/).map(Number);
  if (n.length < 6 || n.some((v) => !Number.isFinite(v))) return undefined;
  return { viewportHeight: n[1], top: n[2], bottom: n[4] };
}
