/**
 * The "Download the data" line under a data table: for each file that holds
 * the table's records, its name and links to its CSV and JSON. Pure and
 * dependency-free, so the build-time table (src/charts/ChartTable.astro,
 * src/components/FigureTable.astro) and the browser's (src/charts/table-dom.ts)
 * print the same line.
 */
import type { Locale } from '../i18n/locales';
import { t } from '../i18n/ui';
import { DATA_FORMATS, datasetUrl, type DataFormat, type Dataset } from './urls';

export interface DownloadLink {
  format: DataFormat;
  /** "CSV" or "JSON". */
  text: string;
  href: string;
  /** The name the browser saves the file under (the `download` attribute). */
  fileName: string;
}

export interface DatasetLinks {
  dataset: Dataset;
  /** The file's name in `locale` ("events", "événements"). */
  name: string;
  links: DownloadLink[];
}

/** The name a downloaded file is saved under: "road-to-bamako-events-en.csv", "route-de-bamako-events-fr.json". */
export function downloadFileName(dataset: Dataset, format: DataFormat, locale: Locale): string {
  return t(locale, 'downloads.fileName', { dataset, locale, format });
}

/** Links to `datasets` in `locale` under `base` (the site's base path, ending in "/"). */
export function datasetLinks(datasets: Dataset[], locale: Locale, base: string): DatasetLinks[] {
  return datasets.map((dataset) => ({
    dataset,
    name: t(locale, `downloads.dataset.${dataset}`),
    links: DATA_FORMATS.map((format) => ({
      format,
      text: format.toUpperCase(),
      href: datasetUrl(dataset, format, locale, base),
      fileName: downloadFileName(dataset, format, locale),
    })),
  }));
}

/**
 * Appends the download line to `parent` in the browser's DOM:
 * `<p class="data-download">Download the data: <span>figures (<a>CSV</a>, <a>JSON</a>)</span></p>`,
 * the markup `DownloadLine.astro` renders at build time.
 */
export function appendDownloadLine(parent: HTMLElement, datasets: DatasetLinks[], locale: Locale): HTMLParagraphElement {
  const doc = parent.ownerDocument;
  const p = doc.createElement('p');
  p.className = 'data-download';
  p.append(`${t(locale, 'downloads.chart')} `);
  datasets.forEach((d, i) => {
    if (i > 0) p.append('; ');
    // "figures (CSV, JSON)": the same shape in both languages.
    const span = doc.createElement('span');
    span.append(`${d.name} (`);
    d.links.forEach((link, j) => {
      if (j > 0) span.append(', ');
      const a = doc.createElement('a');
      a.href = link.href;
      a.download = link.fileName;
      a.textContent = link.text;
      span.append(a);
    });
    span.append(')');
    p.append(span);
  });
  parent.append(p);
  return p;
}
