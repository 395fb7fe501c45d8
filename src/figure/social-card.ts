/**
 * The story's social card (`og:image`, 1200 × 630 px PNG), built at build
 * time from the opening figure: the lead map (`map-lead`, the figure unit's
 * static SVG) beside the story's kicker, title and standfirst. Rendered by
 * resvg (@resvg/resvg-js) with DejaVu Sans from the npm package
 * `dejavu-fonts-ttf`, so the card looks the same on any build machine and
 * needs no system font.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { StoryData } from '../story/types';
import { t } from '../i18n/ui';
import { estimateWidth } from '../map/text-metrics';
import { esc } from '../map/svg-util';
import { LEAD_SCENE, staticFigure } from './static';

/** The card's size in px (the size Open Graph and X's large card expect). */
export const SOCIAL_CARD = { width: 1200, height: 630 } as const;

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** Greedy line breaking at `size` px (DejaVu Sans widths), at most `max` lines (the last one ends with "…" if cut). */
function lines(text: string, width: number, size: number, bold: boolean, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && estimateWidth(next, { size, bold }) > width) {
      out.push(line);
      line = word;
    } else line = next;
  }
  if (line) out.push(line);
  if (out.length > max) return [...out.slice(0, max - 1), `${out[max - 1]}…`];
  return out;
}

/** The card as SVG for `story`'s locale. Throws if the lead figure cannot be drawn. */
export function socialCardSvg(story: StoryData): string {
  const l = story.locale;
  const { width: W, height: H } = SOCIAL_CARD;
  const lead = story.scenes[LEAD_SCENE];
  if (!lead) throw new Error(`the social card needs the lead scene "${LEAD_SCENE}" (content/scenes/)`);
  const figure = staticFigure(lead, story, 'regular');
  // The map on the right, as large as the card allows, keeping its proportions.
  const scale = Math.min(620 / figure.width, (H - 60) / figure.height);
  const mapW = figure.width * scale;
  const mapH = figure.height * scale;
  const mapX = W - mapW - 30;
  const mapY = (H - mapH) / 2;
  const nested = figure.svg.replace(/^<svg\b[^>]*>/, (tag) =>
    tag.replace(/\s(width|height|x|y)="[^"]*"/g, '').replace(/^<svg\b/, `<svg x="${mapX.toFixed(1)}" y="${mapY.toFixed(1)}" width="${mapW.toFixed(1)}" height="${mapH.toFixed(1)}"`),
  );
  const textW = mapX - 90;
  const title = lines(t(l, 'site.title'), textW, 56, true, 3);
  const dek = lines(t(l, 'site.dek'), textW, 26, false, 6);
  let y = 120;
  const text: string[] = [`<text x="60" y="${y}" font-size="24" font-weight="700" fill="#9c3d12" letter-spacing="2">${esc(t(l, 'site.kicker').toUpperCase())}</text>`];
  y += 76;
  for (const line of title) {
    text.push(`<text x="60" y="${y}" font-size="56" font-weight="700" fill="#1d1d1b">${esc(line)}</text>`);
    y += 66;
  }
  y += 14;
  for (const line of dek) {
    text.push(`<text x="60" y="${y}" font-size="26" fill="#4d4a44">${esc(line)}</text>`);
    y += 36;
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans">` +
    `<rect width="${W}" height="${H}" fill="#fbf8f3"/><rect x="0" y="0" width="12" height="${H}" fill="#9c3d12"/>` +
    text.join('') +
    nested +
    '</svg>'
  );
}

/** The card as PNG bytes for `story`'s locale. */
export function socialCardPng(story: StoryData): ArrayBuffer {
  const resvg = new Resvg(socialCardSvg(story), {
    fitTo: { mode: 'width', value: SOCIAL_CARD.width },
    font: {
      loadSystemFonts: false,
      fontFiles: ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'].map((f) => join(FONT_DIR, f)),
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  const png = resvg.render().asPng();
  return png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer;
}
