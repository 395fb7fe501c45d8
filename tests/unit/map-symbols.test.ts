/**
 * The map's palette (src/map/symbols.ts) is the design tokens' palette, and
 * every mark reads against every ground it sits on: marks (outlines, lines,
 * dots) at 3:1 or more, text at 4.5:1 or more against its halo (WCAG 1.4.11
 * and 1.4.3), checked the way tests/unit/design-tokens.test.ts checks the tokens.
 * Translucent fills are blended with the ground below before comparing.
 */
import { describe, expect, it } from 'vitest';
import { ACCENT, contrastRatio, GREY, GROUND, INK, WATER } from '../../src/design/tokens';
import { COLOURS, MAP_TYPE, SYMBOLS, pointDiameter, type SymbolName } from '../../src/map/symbols';
import { labelStyle, type LabelKind } from '../../src/map/labels';

/** `fg` at `alpha` over `bg` (both #rrggbb), as #rrggbb. */
function blend(fg: string, alpha: number, bg: string): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  return `#${[0, 1, 2]
    .map((i) => Math.round(channel(fg, i) * alpha + channel(bg, i) * (1 - alpha)))
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** Grounds of the map: the sea, other countries, Mali, the Kayes region and alliance fills. */
const G = {
  sea: WATER.sea,
  land: GROUND.land,
  mali: GROUND.mali,
  kayes: SYMBOLS.kayesRegion.fill,
  aes: SYMBOLS.aes.fill,
  ecowas: SYMBOLS.ecowas.fill,
};
const tintOver = (name: SymbolName, ground: string) => {
  const s = SYMBOLS[name];
  return s.kind === 'area' ? blend(s.fill, s.fillOpacity, ground) : ground;
};

/** What each symbol's mark colour must stand out from. */
const ON: Record<SymbolName, string[]> = {
  mali: [G.land, G.mali, G.sea, G.kayes, G.aes],
  country: [G.land, G.sea],
  regionBorder: [G.mali, G.kayes],
  kayesRegion: [G.land, G.mali, G.kayes],
  river: [G.land, G.mali, G.kayes, G.aes, G.ecowas, tintOver('attackArea', G.kayes), tintOver('fuelBan', G.land)],
  corridor: [G.land, G.mali, G.kayes, G.sea, tintOver('attackArea', G.kayes), tintOver('convoyOrigin', G.land)],
  escortRoute: [G.land, G.mali, G.kayes],
  nigerRoute: [G.mali, G.aes, G.land],
  aes: [G.land, G.aes, G.ecowas, G.sea],
  ecowas: [G.land, G.ecowas, G.sea],
  attackArea: [G.mali, G.kayes, G.land, tintOver('attackArea', G.kayes)],
  airstrikeArea: [G.mali, G.kayes, G.land, tintOver('airstrikeArea', G.mali)],
  bougouniArea: [G.mali, G.land, tintOver('bougouniArea', G.mali)],
  blockadeArea: [G.mali, G.kayes, G.land, tintOver('blockadeArea', G.kayes), tintOver('fuelBan', G.land)],
  outskirts: [G.mali, G.land, tintOver('outskirts', G.mali)],
  convoyOrigin: [G.land, G.mali, G.sea, tintOver('convoyOrigin', G.land)],
  fuelBan: [G.land, G.mali, G.sea, tintOver('fuelBan', G.land)],
  townFell: [G.land, G.mali, G.kayes],
  capital: [G.land, G.mali, G.kayes, tintOver('outskirts', G.mali)],
  town: [G.land, G.mali, G.kayes, tintOver('attackArea', G.kayes), tintOver('blockadeArea', G.kayes)],
};

/** The colour that carries a symbol's shape: its outline or line, or a point's fill. */
function markColour(name: SymbolName): string {
  const s = SYMBOLS[name];
  return s.kind === 'point' ? (s.fill === GROUND.white ? s.stroke : s.fill) : s.stroke;
}

const tokenColours = new Set<string>([...Object.values(GROUND), ...Object.values(INK), ...Object.values(GREY), ...Object.values(ACCENT), ...Object.values(WATER)]);

describe('map symbols', () => {
  it('use only the design tokens’ colours', () => {
    for (const [name, s] of Object.entries(SYMBOLS)) {
      const colours = [s.stroke, 'fill' in s ? s.fill : undefined].filter(Boolean) as string[];
      for (const c of colours) expect(tokenColours.has(c), `${name}: ${c}`).toBe(true);
    }
    for (const [name, c] of Object.entries(COLOURS)) expect(tokenColours.has(c), `COLOURS.${name}`).toBe(true);
  });

  it.each(Object.keys(ON) as SymbolName[])('%s stands at 3:1 against every ground it sits on', (name) => {
    for (const ground of ON[name]) {
      expect(contrastRatio(markColour(name), ground), `${name} on ${ground}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('covers every symbol', () => {
    expect(Object.keys(ON).sort()).toEqual(Object.keys(SYMBOLS).sort());
  });

  it('keeps the accent for attacks and the blockade, and blue for water', () => {
    const accent = (Object.keys(SYMBOLS) as SymbolName[]).filter((n) => markColour(n) === ACCENT.mark).sort();
    expect(accent).toEqual(
      ['airstrikeArea', 'attackArea', 'blockadeArea', 'bougouniArea', 'convoyOrigin', 'fuelBan', 'outskirts', 'townFell'].sort(),
    );
    const blue = (Object.keys(SYMBOLS) as SymbolName[]).filter((n) => Object.values(WATER).includes(markColour(n) as never));
    expect(blue).toEqual(['river']);
    expect(SYMBOLS.kayesRegion.fill).not.toBe(ACCENT.tint);
    expect(SYMBOLS.kayesRegion.stroke).toBe(INK.ink);
  });

  it('marks every approximate area with a dashed outline, and no exact shape', () => {
    for (const name of ['attackArea', 'airstrikeArea', 'bougouniArea', 'blockadeArea', 'outskirts'] as const) {
      expect(SYMBOLS[name].dash, name).toBeDefined();
    }
    for (const name of ['mali', 'country', 'kayesRegion', 'fuelBan', 'convoyOrigin', 'aes'] as const) {
      expect('dash' in SYMBOLS[name], name).toBe(false);
    }
  });

  it('tells the AES from ECOWAS by grey value and by outline, not by hue', () => {
    const lum = (hex: string) => parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) + parseInt(hex.slice(5, 7), 16);
    expect(Math.abs(lum(SYMBOLS.aes.fill) - lum(SYMBOLS.ecowas.fill))).toBeGreaterThan(90);
    expect('dash' in SYMBOLS.aes).toBe(false);
    expect(SYMBOLS.ecowas.dash).toBeDefined();
    const grey = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      return Math.max(r, g, b) - Math.min(r, g, b) < 30;
    };
    for (const c of [SYMBOLS.aes.fill, SYMBOLS.aes.stroke, SYMBOLS.ecowas.fill, SYMBOLS.ecowas.stroke]) expect(grey(c), c).toBe(true);
  });

  it('draws event markers at least twice the size of town and capital markers', () => {
    expect(pointDiameter('townFell')).toBeGreaterThanOrEqual(2 * pointDiameter('town'));
    expect(pointDiameter('townFell')).toBeGreaterThanOrEqual(2 * pointDiameter('capital'));
  });
});

describe('map text', () => {
  const kinds: LabelKind[] = ['place', 'annotation', 'region', 'country', 'river'];
  it.each(kinds)('%s labels read at 4.5:1 on their halo and are set at 12–14 px', (kind) => {
    for (const variant of [undefined, 'mali', 'event'] as const) {
      for (const line of [0, 1]) {
        const style = labelStyle(kind, line, variant);
        expect(contrastRatio(style.colour, COLOURS.halo)).toBeGreaterThanOrEqual(4.5);
        expect(style.size).toBeGreaterThanOrEqual(12);
        expect(style.size).toBeLessThanOrEqual(14);
      }
    }
  });

  it('sets the key, caption and scale bar at 12 px in ink that reads on paper', () => {
    expect(MAP_TYPE.legend).toBe(12);
    expect(contrastRatio(COLOURS.ink, COLOURS.halo)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(COLOURS.inkMuted, COLOURS.halo)).toBeGreaterThanOrEqual(4.5);
  });
});
