/** The height messages embeds post, to each host's published format. */
import { describe, expect, test } from 'vitest';
import { heightMessages, hostIds, parsePymMessage, parseViewport, pymMessage } from '../../src/embed/protocols';

describe('embed height messages', () => {
  test('Pym.js: the xPYMx-delimited string with the child id from the URL', () => {
    expect(pymMessage('graphic-1', 'height', '480')).toBe('pymxPYMxgraphic-1xPYMxheightxPYMx480');
    expect(parsePymMessage('graphic-1', 'pymxPYMxgraphic-1xPYMxviewport-iframe-positionxPYMx1280 800 -200 0 900 640')).toEqual({
      type: 'viewport-iframe-position',
      message: '1280 800 -200 0 900 640',
    });
    expect(parsePymMessage('graphic-1', 'pymxPYMxotherxPYMxheightxPYMx1')).toBeUndefined();
  });

  test('every protocol at once, with the ids the host gave', () => {
    const ids = hostIds('https://example.org/embed/map-corridor/?initialWidth=600&childId=graphic-1#?secret=Ab12Cd');
    expect(ids).toEqual({ pymId: 'graphic-1', wordpressSecret: 'Ab12Cd' });
    expect(heightMessages(480.4, 'map-corridor', ids)).toEqual([
      'pymxPYMxgraphic-1xPYMxheightxPYMx481',
      { sentinel: 'amp', type: 'embed-size', height: 481 },
      { 'datawrapper-height': { 'map-corridor': 481 } },
      { message: 'height', value: 481, secret: 'Ab12Cd' },
    ]);
  });

  test('without a Pym id or a WordPress secret, only AMP and Datawrapper-style', () => {
    expect(heightMessages(300, 'x', hostIds('https://example.org/embed/x/'))).toHaveLength(2);
  });

  test("reads Pym's viewport and iframe position", () => {
    expect(parseViewport('1280 800 -200 0 900 640')).toEqual({ viewportHeight: 800, top: -200, bottom: 900 });
    expect(parseViewport('nonsense')).toBeUndefined();
  });
});
