/**
 * Nothing hidden (issue 7): on phones (375×667, 390×844 in English and in
 * French, the stacked layout with the graphic as a pane at the top) and at
 * 768×1024 and 1280×800, every
 * chart step shows its chart whole, inside the pane and on screen: each
 * drawn mark and label of the SVG, the legend and the source line lie within
 * the chart panel's box and the viewport, under neither the active step's
 * card nor the step bar, and the panel needs no scrolling of its own.
 * Chart labels are at least 14 px on phones; no chart text is under 12 px.
 *
 * Steps are reached as a reader reaches them: scrolled onto the engine's
 * trigger line. Motion is reduced so each step is measured in its final
 * state (the same state an animated step ends in).
 */
import { test, expect, steps, scrollToStep, type StepInfo } from './fixtures';
import type { ChartSceneData } from '../../src/story/types';

interface Problem {
  what: string;
  why: string;
}

const SIZES = [
  { width: 375, height: 667, phone: true, path: './' },
  { width: 390, height: 844, phone: true, path: './' },
  // French runs longer (headings, source lines): checked on a common phone too.
  { width: 390, height: 844, phone: true, path: './fr/' },
  { width: 768, height: 1024, phone: false, path: './' },
  { width: 1280, height: 800, phone: false, path: './' },
];

for (const size of SIZES) {
  test(`every chart step fits its pane, nothing clipped or covered, at ${size.width}×${size.height}${size.path === './' ? '' : ` (${size.path})`}`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(size.path);
    const all = (await steps(page)).filter((s): s is StepInfo & { scene: ChartSceneData } => s.scene.graphic !== 'map');
    expect(all.length).toBeGreaterThan(10);
    let checked = 0;
    for (const step of all) {
      await scrollToStep(page, step.id);
      const chart = page.locator(`[data-panel="chart"] .charts__item:not([hidden]) figure.chart[data-chart-id="${step.scene.graphic}"]`);
      await expect(chart).toBeVisible();
      await expect(chart).toHaveAttribute('data-state', step.scene.graphic === 'timeline' ? step.scene.range : step.scene.stage);
      await page.waitForTimeout(60);
      const result = await page.evaluate((phone) => {
        const problems: { what: string; why: string }[] = [];
        const panel = document.querySelector<HTMLElement>('[data-panel="chart"]')!;
        const figure = panel.querySelector<HTMLElement>('.charts__item:not([hidden]) figure.chart')!;
        const P = panel.getBoundingClientRect();
        const pane = document.querySelector('[data-graphic]')!.getBoundingClientRect();
        const cardEl = document.querySelector('[data-step].is-active');
        const navEl = document.querySelector<HTMLElement>('.story-nav');
        const nav = navEl && navEl.getClientRects().length ? navEl.getBoundingClientRect() : undefined;
        // The card's part a reader sees: below the pane when it slides under it.
        const cardBox = cardEl?.getBoundingClientRect();
        const card = cardBox && { left: cardBox.left, right: cardBox.right, top: pane.bottom > cardBox.top && pane.top <= cardBox.top ? Math.max(cardBox.top, pane.bottom) : cardBox.top, bottom: cardBox.bottom };
        const meets = (r: DOMRect, o: { left: number; right: number; top: number; bottom: number }) =>
          r.left < o.right - 0.5 && o.left < r.right - 0.5 && r.top < o.bottom - 0.5 && o.top < r.bottom - 0.5;
        const shown = (el: Element): boolean => {
          for (let n: Element | null = el; n && n !== figure; n = n.parentElement) {
            const cs = getComputedStyle(n);
            if (cs.display === 'none' || cs.visibility === 'hidden' || parseFloat(cs.opacity) === 0) return false;
          }
          return true;
        };
        const name = (el: Element) => `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(' ')[0]}${el.closest('[data-id]') ? `[${el.closest('[data-id]')!.getAttribute('data-id')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
        const check = (el: Element, r: DOMRect) => {
          const what = name(el);
          if (r.left < P.left - 1 || r.right > P.right + 1 || r.top < P.top - 1 || r.bottom > P.bottom + 1) problems.push({ what, why: `outside the chart panel (${Math.round(r.top)}–${Math.round(r.bottom)} vs ${Math.round(P.top)}–${Math.round(P.bottom)})` });
          if (r.left < -1 || r.right > innerWidth + 1 || r.top < -1 || r.bottom > innerHeight + 1) problems.push({ what, why: 'off screen' });
          if (nav && meets(r, nav)) problems.push({ what, why: 'under the step bar' });
          if (card && meets(r, card)) problems.push({ what, why: 'under the step card' });
          // What a reader sees at its centre is the chart, not something laid over it.
          const top = document.elementFromPoint(Math.min(innerWidth - 1, Math.max(0, (r.left + r.right) / 2)), Math.min(innerHeight - 1, Math.max(0, (r.top + r.bottom) / 2)));
          if (top && !panel.contains(top)) problems.push({ what, why: `covered by ${top.tagName.toLowerCase()}.${top.className}` });
        };

        // Every drawn mark and label of the SVG.
        const marks = [...figure.querySelectorAll('svg.chart__svg :is(rect, path, line, circle, polygon, polyline, text)')].filter(
          (el) => !el.closest('defs, clipPath, mask') && shown(el),
        );
        let count = 0;
        for (const el of marks) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          if (el.tagName === 'text' && !(el.textContent ?? '').trim()) continue;
          count += 1;
          check(el, r);
          if (el.tagName === 'text') {
            const px = parseFloat(getComputedStyle(el).fontSize);
            const label = el.matches('.chart-label, .chart-value');
            if (px < 12 || (phone && label && px < 14)) problems.push({ what: name(el), why: `${px} px text` });
          }
        }
        // No label lies on another, and no leader line runs through another label.
        const labels = [...figure.querySelectorAll('svg.chart__svg :is(g.timeline-key, g.timeline-highlight, g.timeline-era__label) text, svg.chart__svg .fuel-row text, svg.chart__svg .life-event text')].filter(
          (el) => shown(el) && (el.textContent ?? '').trim(),
        );
        const leaders = [...figure.querySelectorAll('svg.chart__svg :is(path.timeline-key__leader, line.timeline-highlight__leader)')].filter((el) => shown(el));
        const boxes = labels.map((el) => ({ el, r: el.getBoundingClientRect() }));
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) if (meets(a.r, b.r)) problems.push({ what: name(a.el), why: `overlaps ${name(b.el)}` });
          for (const leader of leaders) {
            if (leader.parentElement === a.el.parentElement) continue;
            const r = leader.getBoundingClientRect();
            // A leader is a thin vertical line (a bracket at its foot): test its vertical stroke.
            const line = new DOMRect(r.left, r.top, Math.max(1, r.width), Math.max(0, r.height - 4));
            if (r.width < 3 && meets(line, a.r)) problems.push({ what: name(a.el), why: `crossed by the leader of ${name(leader.parentElement!)}` });
          }
        }

        // The legend and the source line.
        const legend = figure.querySelector<HTMLElement>('.chart__legend');
        if (legend && !legend.hidden) {
          check(legend, legend.getBoundingClientRect());
          if (parseFloat(getComputedStyle(legend).fontSize) < 12) problems.push({ what: 'legend', why: 'under 12 px' });
        }
        const note = figure.querySelector<HTMLElement>('.chart__note')!;
        if (!(note.textContent ?? '').trim()) problems.push({ what: 'source line', why: 'empty' });
        check(note, note.getBoundingClientRect());
        // The table's toggle too, and no scrolling inside the pane.
        const toggle = figure.querySelector('.chart-table summary');
        if (toggle) check(toggle, toggle.getBoundingClientRect());
        if (panel.scrollHeight > panel.clientHeight + 1) problems.push({ what: 'chart panel', why: `needs scrolling (${panel.scrollHeight} > ${panel.clientHeight} px)` });
        // The fonts of graphics: the sans stack.
        if (!/system-ui|sans-serif/.test(getComputedStyle(figure).fontFamily)) problems.push({ what: 'figure', why: `font ${getComputedStyle(figure).fontFamily}` });
        return { problems, count, figure: Math.round(figure.getBoundingClientRect().height), panel: Math.round(P.height) };
      }, size.phone);
      expect(result.count, `${step.id}: marks drawn`).toBeGreaterThan(3);
      expect(result.problems as Problem[], `${step.id} (${step.scene.graphic}) at ${size.width}×${size.height}: figure ${result.figure} px in a ${result.panel} px panel`).toEqual([]);
      checked += 1;
    }
    expect(checked).toBe(all.length);
  });
}
