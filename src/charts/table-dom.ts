/**
 * The data table under the active chart, built in the browser from
 * `chartTable()` — the same markup `ChartTable.astro` renders at build time:
 * <details class="chart-table"><summary>…</summary><section class="chart-table__scroll"><table>…
 */
import type { ChartTableData } from './tables';
import { appendDownloadLine, type DatasetLinks } from '../downloads/links';
import type { Locale } from '../i18n/locales';

/**
 * Fills `details` (a <details class="chart-table">) with `table` and a
 * summary line `summary`. Rows whose id is in `currentRows` get
 * `data-current="true"` (the rows the chart's current stage draws).
 * Keeps the details open or closed as the reader left it. With `downloads`,
 * a line under the table links the data files that hold its records (the
 * line `ChartTable.astro` prints at build time).
 */
export function renderTable(
  details: HTMLDetailsElement,
  table: ChartTableData,
  summary: string,
  currentRows: string[] = [],
  downloads?: { datasets: DatasetLinks[]; locale: Locale },
): void {
  details.dataset.chartId = table.chartId;
  let summaryEl = details.querySelector('summary');
  if (!summaryEl) {
    summaryEl = document.createElement('summary');
    details.prepend(summaryEl);
  }
  summaryEl.textContent = summary;

  const captionId = `chart-table-${table.chartId}-caption`;
  // A named <section> is a region: keyboard users can scroll a wide table (it takes focus).
  const scroll = document.createElement('section');
  scroll.className = 'chart-table__scroll';
  scroll.tabIndex = 0;
  scroll.setAttribute('aria-labelledby', captionId);

  const el = document.createElement('table');
  const caption = el.createCaption();
  caption.id = captionId;
  caption.textContent = table.caption;
  const headRow = el.createTHead().insertRow();
  for (const column of table.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column;
    headRow.append(th);
  }
  const body = el.createTBody();
  table.rows.forEach((cells, i) => {
    const tr = body.insertRow();
    tr.dataset.rowId = table.rowIds[i];
    if (currentRows.includes(table.rowIds[i])) tr.dataset.current = 'true';
    cells.forEach((cell, j) => {
      const c = document.createElement(j === 0 ? 'th' : 'td');
      if (j === 0) c.setAttribute('scope', 'row');
      c.textContent = cell;
      tr.append(c);
    });
  });
  scroll.append(el);
  details.querySelector('.chart-table__scroll')?.remove();
  details.querySelector('.data-download')?.remove();
  details.append(scroll);
  if (downloads) appendDownloadLine(details, downloads.datasets, downloads.locale);
}

/** Marks the rows whose id is in `currentRows` with `data-current="true"`, unmarks the rest. */
export function markCurrentRows(details: HTMLDetailsElement, currentRows: string[]): void {
  for (const tr of details.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
    if (currentRows.includes(tr.dataset.rowId ?? '')) tr.dataset.current = 'true';
    else delete tr.dataset.current;
  }
}
