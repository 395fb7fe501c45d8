/**
 * The lead graphic's narrow figure (phones, src/map/static-size.ts
 * LEAD_NARROW_STATIC_SIZE): every place and dated note of the opening map
 * finds room, and the whole figure stays short enough to sit under the
 * headline on a phone.
 */
import { describe, expect, it } from 'vitest';
import { drawMapSvg } from '../../src/map/svg-map';
import { LEAD_NARROW_STATIC_SIZE, NARROW_KEY_FONT, NARROW_LOCATOR_SIZE } from '../../src/map/static-size';
import { LEAD_SCENE } from '../../src/figure/static';
import { loadFixtureGeo, loadFixtureStory } from './map-fixtures';

describe('the lead graphic on phones', () => {
  const story = loadFixtureStory();
  const geo = loadFixtureGeo();
  const lead = story.scenes[LEAD_SCENE];
  const result = drawMapSvg(lead as never, story, geo, {
    ...LEAD_NARROW_STATIC_SIZE,
    chrome: 'figure',
    keyFontSize: NARROW_KEY_FONT,
    locatorSize: NARROW_LOCATOR_SIZE,
  });

  it('shows every place, dated note and the Kayes region', () => {
    const essential = result.labels.filter((l) => l.kind === 'place' || l.kind === 'annotation' || l.kind === 'region');
    expect(essential.map((l) => l.id)).toEqual(expect.arrayContaining(['place:dakar', 'place:kayes', 'place:bamako', 'note:attack-area', 'note:blockade-areas', 'region:kayes']));
    expect(essential.filter((l) => !l.anchor).map((l) => l.id)).toEqual([]);
    expect(result.labels.find((l) => l.id === 'country:ML')?.anchor, 'Mali named').toBeDefined();
  });

  it('is drawn about as wide as a 375 px page shows it, and under 520 px tall with its key', () => {
    // 375 px less the masthead's 20 px margins: 335 px; the 13 px key then reads at 12.96 px.
    expect(LEAD_NARROW_STATIC_SIZE.width).toBeLessThanOrEqual(340);
    expect(NARROW_KEY_FONT * (335 / LEAD_NARROW_STATIC_SIZE.width)).toBeGreaterThanOrEqual(12);
    expect(result.height).toBeLessThan(520);
  });
});
