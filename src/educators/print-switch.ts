/**
 * The educator page's "print with model answers" switch: shown only with
 * JavaScript (without it, the worksheet prints without answers); it toggles
 * a class the print stylesheet reads.
 */
export function startPrintSwitch(doc: Document = document): void {
  const box = doc.querySelector<HTMLInputElement>('[data-print-answers]');
  const wrapper = doc.querySelector<HTMLElement>('[data-print-answers-switch]');
  if (!box || !wrapper) return;
  wrapper.hidden = false;
  const apply = () => doc.documentElement.classList.toggle('print-answers', box.checked);
  box.addEventListener('change', apply);
  apply();
}
