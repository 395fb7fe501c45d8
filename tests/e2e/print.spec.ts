/**
 * Paper (src/styles/print.css): the story prints as a handout and the
 * educator page as a worksheet, in both languages.
 *
 * Each test prints a page to PDF with Chromium (`page.pdf()`, print media)
 * and reads the PDF's text back with unpdf (PDF.js), so it checks what is on
 * the paper: every chapter title and step text in order, each step's figure
 * (its source line and as-of date are drawn in the figure's SVG as text, so
 * finding them also proves that the lazy image was loaded for print), each
 * chapter at the top of a new page, no controls; on the worksheet, ruled
 * space under each question and the model answers only when the teacher asks.
 */
import type { Page } from '@playwright/test';
import { getDocumentProxy } from 'unpdf';
import { test, expect } from './fixtures';
import { t } from '../../src/i18n/ui';
import type { Locale } from '../../src/i18n/locales';

/** One line of text on a PDF page: its text and its baseline, in PDF points from the page's bottom. */
interface PdfLine {
  text: string;
  y: number;
}

/**
 * Prints the loaded page to an A4 PDF and returns its pages' lines, top to bottom. As a reader's
 * "Print" does: print media from this call only, so lazy images that the screen never showed must
 * be fetched by the print itself.
 */
async function printToLines(page: Page): Promise<PdfLine[][]> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const pages: PdfLine[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const lines: PdfLine[] = [];
    let current: PdfLine | undefined;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const y = item.transform[5];
      // A new line when the baseline moves by more than a few points (superscripts stay on their line).
      if (!current || Math.abs(current.y - y) > 4) {
        current = { text: '', y };
        lines.push(current);
      }
      current.text += item.str;
      if (item.hasEOL) current = undefined;
    }
    pages.push(lines.filter((l) => l.text.trim()));
  }
  return pages;
}

/**
 * Text compared without whitespace, footnote markers ("[12]") and quotation marks (a <q>'s marks are
 * CSS-generated, so they are on paper but not in the DOM's text): line breaks fall anywhere.
 */
const squash = (s: string) => s.replace(/\[\d+\]/g, '').replace(/[\s«»“”„]/g, '');

/** A distinctive run of `s`: its first `n` characters after squashing. */
const head = (s: string, n = 48) => squash(s).slice(0, n);

/** Finds each of `needles` in `haystack` in order; returns their positions (-1 from the first one missing on). */
function positionsInOrder(haystack: string, needles: string[]): number[] {
  let from = 0;
  return needles.map((needle) => {
    if (from < 0) return -1;
    const at = haystack.indexOf(needle, from);
    from = at < 0 ? -1 : at + needle.length;
    return at;
  });
}

/** How many lines of the PDF read `label` and nothing else (case aside: a label may print in capitals). */
const labelLines = (pages: PdfLine[][], label: string) =>
  pages.flat().filter((l) => squash(l.text).toLowerCase() === squash(label).toLowerCase()).length;

/** Opens `path` and waits until its lazy figures could be fetched (the network is quiet). */
async function open(page: Page, path: string) {
  await page.goto(path, { waitUntil: 'networkidle' });
}

for (const locale of ['en', 'fr'] as Locale[]) {
  const root = locale === 'en' ? './' : './fr/';

  test.describe(`the story printed as a handout (${locale})`, () => {
    test('prints every chapter title, step text and step figure in order, each chapter on a new page, no controls', async ({ page }) => {
      test.setTimeout(120_000);
      await open(page, root);
      await expect(page.locator('[data-scrolly]')).toHaveClass(/is-enhanced/);
      // What the page holds (read on screen, before printing).
      const expected = await page.evaluate(() => {
        const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
        const items: { kind: 'chapter' | 'step' | 'source'; text: string; id: string }[] = [];
        for (const el of document.querySelectorAll('main .chapter__title, main [data-step]')) {
          if (el.matches('.chapter__title')) {
            items.push({ kind: 'chapter', text: text(el), id: el.id });
            continue;
          }
          items.push({ kind: 'step', text: text(el.querySelector('.step__body p, .step__body')), id: el.id });
          items.push({ kind: 'source', text: text(el.querySelector('.step__figure .figure__caption')), id: el.id });
        }
        return items;
      });
      expect(expected.filter((e) => e.kind === 'step').length).toBeGreaterThanOrEqual(30);
      expect(expected.filter((e) => e.kind === 'source').every((e) => e.text.length > 10)).toBe(true);

      const pages = await printToLines(page);
      const all = squash(pages.flat().map((l) => l.text).join('\n'));
      const needles = expected.map((e) => (e.kind === 'source' ? squash(e.text) : head(e.text)));
      const found = positionsInOrder(all, needles);
      const missing = expected.filter((_, i) => found[i] < 0).map((e) => `${e.kind} ${e.id}: ${e.text.slice(0, 60)}`);
      expect(missing, 'chapter titles, step texts and figure source lines, in order').toEqual([]);

      // Chapters: each at the top of a new page (the first follows the masthead on page 1), in order.
      const titles = expected.filter((e) => e.kind === 'chapter');
      const pageText = (lines: PdfLine[]) => squash(lines.map((l) => l.text).join(''));
      const pageOf: number[] = [pages.findIndex((lines) => pageText(lines).includes(squash(titles[0].text)))];
      expect(pageOf[0], `"${titles[0].text}" on paper`).toBeGreaterThanOrEqual(0);
      for (let i = 1; i < titles.length; i++) {
        // At the top: in the page's first two lines (the chapter's kicker may come first).
        const atTop = pages.findIndex((lines, p) => p > pageOf[i - 1] && pageText(lines.slice(0, 2)).includes(squash(titles[i].text)));
        expect(atTop, `"${titles[i].text}" at the top of a page after "${titles[i - 1].text}" (page ${pageOf[i - 1] + 1})`).toBeGreaterThan(pageOf[i - 1]);
        pageOf.push(atTop);
      }

      // Nothing interactive printed: step bar, language switch, skip link, presenter toggle, map and table toggles.
      const raw = pages.flat().map((l) => l.text).join('\n');
      const other = locale === 'en' ? 'Français' : 'English';
      for (const control of [
        t(locale, 'nav.previous'),
        t(locale, 'nav.next'),
        t(locale, 'nav.position', { n: 1, total: expected.filter((e) => e.kind === 'step').length }),
        t(locale, 'site.skip'),
        t(locale, 'present.open'),
        t(locale, 'map.explore'),
        t(locale, 'graphic.table'),
        other,
      ]) {
        expect(raw, `no "${control}" on paper`).not.toContain(control);
      }

      // The closing section's data tables print in full (their captions and the last row of each).
      const tables = await page.locator('#chart-data table').evaluateAll((els) =>
        els.map((table) => ({
          caption: table.querySelector('caption')?.textContent ?? '',
          lastRow: table.querySelector('tbody tr:last-child th')?.textContent ?? '',
        })),
      );
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) {
        expect(all).toContain(squash(table.caption));
        expect(all).toContain(squash(table.lastRow));
      }

      // The sources' addresses are on paper.
      const urls = await page.locator('.source-list a[href^="http"]').evaluateAll((els) => els.map((a) => a.textContent ?? ''));
      expect(urls.length).toBeGreaterThan(5);
      for (const url of urls) expect(all).toContain(squash(url));
    });

    test('nothing sticky or fixed and no embed shows in print, every figure image is loaded, and other sites\' links print their address', async ({ page }) => {
      await open(page, root);
      await page.emulateMedia({ media: 'print' });
      const report = await page.evaluate(() => {
        const pinned: string[] = [];
        for (const el of document.querySelectorAll<HTMLElement>('body *')) {
          const style = getComputedStyle(el);
          if ((style.position === 'sticky' || style.position === 'fixed') && el.getClientRects().length > 0) pinned.push(el.className || el.tagName);
        }
        const shownControls = [...document.querySelectorAll<HTMLElement>('button, iframe, .story-nav, .language-switch, .skip-link')]
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => el.outerHTML.slice(0, 80));
        const figures = [...document.querySelectorAll<HTMLImageElement>('.step__figure .figure__image')];
        const hiddenFigures = figures.filter((img) => img.getClientRects().length === 0).length;
        const external = [...document.querySelectorAll<HTMLAnchorElement>('a[href^="http"]')];
        const after = (a: Element) => getComputedStyle(a, '::after').content;
        return {
          pinned,
          shownControls,
          figures: figures.length,
          hiddenFigures,
          inPageAfter: [...document.querySelectorAll('a[href^="#"]')].map(after).filter((c) => c !== 'none' && c !== 'normal'),
          externalOutsideList: external.filter((a) => !a.closest('.source-list')).map((a) => ({ href: a.href, after: after(a) })),
        };
      });
      expect(report.pinned, 'sticky or fixed elements shown in print').toEqual([]);
      expect(report.shownControls, 'controls shown in print').toEqual([]);
      expect(report.figures).toBeGreaterThanOrEqual(30);
      expect(report.hiddenFigures, 'step figures hidden in print').toBe(0);
      expect(report.inPageAfter, 'in-page links print no address').toEqual([]);
      for (const link of report.externalOutsideList) expect(link.after).toContain('http');
      // Chromium fetches lazy images for print: every step figure has loaded by the time the PDF is made.
      await page.pdf({ format: 'A4' });
      const unloaded = await page
        .locator('.step__figure .figure__image')
        .evaluateAll((imgs) => (imgs as HTMLImageElement[]).filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src));
      expect(unloaded, 'figure images not loaded for print').toEqual([]);
    });
  });

  test(`printed during presenter mode, the story is still the whole handout (${locale})`, async ({ page }) => {
    await open(page, `${root}?present`);
    await expect(page.locator('html')).toHaveClass(/is-presenting/);
    const expected = await page.locator('main .chapter__title, main [data-step] .step__body p:first-child').allTextContents();
    const all = squash((await printToLines(page)).flat().map((l) => l.text).join('\n'));
    const found = positionsInOrder(all, expected.map((e) => head(e)));
    expect(expected.filter((_, i) => found[i] < 0)).toEqual([]);
  });

  test.describe(`the educator page printed as a worksheet (${locale})`, () => {
    const path = locale === 'en' ? './educators/' : './fr/educators/';

    /** Each question's own text (without its model answer), its ruled lines and its answer's text. */
    async function questions(page: Page) {
      return page.locator('.question').evaluateAll((els) =>
        els.map((el) => {
          const text = el.querySelector('.question__text')!.cloneNode(true) as HTMLElement;
          text.querySelector('.answer')?.remove();
          return {
            text: (text.textContent ?? '').replace(/\s+/g, ' ').trim(),
            lines: el.querySelectorAll('.answer-space__line').length,
            answer: (el.querySelector('.answer__body')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
          };
        }),
      );
    }

    test('prints every question with ruled space for the answer and no model answers, with the glossary and sources', async ({ page }) => {
      await open(page, path);
      const qs = await questions(page);
      expect(qs.length).toBeGreaterThan(20);
      const glossary = await page.locator('.glossary dt').allTextContents();
      const pages = await printToLines(page);
      const all = squash(pages.flat().map((l) => l.text).join('\n'));
      const found = positionsInOrder(all, qs.map((q) => head(q.text, 40)));
      expect(qs.filter((_, i) => found[i] < 0).map((q) => q.text), 'questions on paper, in order').toEqual([]);
      for (const q of qs) expect(all, 'no model answer on the students\' sheet').not.toContain(head(q.answer, 40));
      expect(labelLines(pages, t(locale, 'educators.modelAnswer')), 'model answer labels').toBe(0);
      expect(all).not.toContain(squash(t(locale, 'educators.printAnswers')));
      for (const term of glossary) expect(all).toContain(squash(term));

      // Ruled space: under each question, blank paper at least as tall as its lines (8.5 mm each, 24 pt).
      let measured = 0;
      for (const q of qs) {
        const needle = head(q.text, 40);
        const pageLines = pages.find((lines) => squash(lines.map((l) => l.text).join('')).includes(needle));
        if (!pageLines) continue;
        // Where the question starts on its page, then its last line (where the joined lines hold all of it).
        const start = pageLines.findIndex((_, i) => squash(pageLines.slice(i, i + 4).map((x) => x.text).join('')).includes(needle));
        let end = start;
        while (end < pageLines.length - 1 && !squash(pageLines.slice(start, end + 1).map((l) => l.text).join('')).includes(squash(q.text))) end++;
        const next = pageLines[end + 1];
        if (!next) continue; // the last question on its page: the space runs to the page's foot
        const gap = pageLines[end].y - next.y;
        expect(gap, `space under "${q.text.slice(0, 40)}…"`).toBeGreaterThanOrEqual(q.lines * 24 * 0.95);
        measured++;
      }
      expect(measured).toBeGreaterThan(qs.length / 2);
    });

    test('prints the model answers, in place of the ruled lines, when the teacher asks', async ({ page }) => {
      await open(page, path);
      const box = page.getByRole('checkbox', { name: t(locale, 'educators.printAnswers') });
      await expect(box).toBeVisible();
      await box.check();
      const qs = await questions(page);
      const pages = await printToLines(page);
      const all = squash(pages.flat().map((l) => l.text).join('\n'));
      const needles = qs.flatMap((q) => [head(q.text, 40), head(q.answer, 40)]);
      const found = positionsInOrder(all, needles);
      expect(needles.filter((_, i) => found[i] < 0), 'each question followed by its model answer').toEqual([]);
      // Each answer under its label (printed in capitals).
      expect(labelLines(pages, t(locale, 'educators.modelAnswer'))).toBe(qs.length);
    });
  });
}
