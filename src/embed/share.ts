/**
 * The story's Share dialog (src/embed/ShareDialog.astro), for the step the
 * reader is on: a link to that step, and the embed code of its figure or of
 * the whole story. The embed code is the embed's own oEmbed `html` (fetched
 * from `embed/<id>/oembed.json`, so the dialog and oEmbed consumers get the
 * same iframe), followed by the optional resize script. Copying uses the
 * Clipboard API, else selects the text and asks the reader to copy it; the
 * result is announced in the dialog's status line (role="status").
 */
import type { StoryEngine } from '../story/engine';
import { STORY_EMBED } from './embeds';

interface OembedResponse {
  html: string;
  title: string;
}

/** The dialog's parts; throws if ShareDialog.astro's markup is missing. */
function parts(dialog: HTMLDialogElement) {
  const q = <T extends Element>(selector: string) => {
    const el = dialog.querySelector<T>(selector);
    if (!el) throw new Error(`the share dialog has no ${selector}`);
    return el;
  };
  return {
    link: q<HTMLInputElement>('[data-share-link]'),
    code: q<HTMLTextAreaElement>('[data-share-code]'),
    status: q<HTMLElement>('[data-share-status]'),
    preview: q<HTMLAnchorElement>('[data-share-preview]'),
    close: q<HTMLButtonElement>('[data-share-close]'),
    copyLink: q<HTMLButtonElement>('[data-share-copy="link"]'),
    copyCode: q<HTMLButtonElement>('[data-share-copy="code"]'),
    what: [...dialog.querySelectorAll<HTMLInputElement>('[data-share-what]')],
  };
}

/** Copies `field`'s text; true when it reached the clipboard. */
async function copy(field: HTMLInputElement | HTMLTextAreaElement): Promise<boolean> {
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    return true;
  } catch {
    return false;
  }
}

const wired = new WeakSet<HTMLDialogElement>();
/** Refills the embed code for the step the dialog was last opened on. */
let refill: (() => Promise<void>) | undefined;

/**
 * Opens the Share dialog inside `root` (the scrolly section) for the
 * engine's active step (the first step before any is active). Throws if the
 * section has no share dialog.
 */
export async function openShare(root: HTMLElement, engine: StoryEngine): Promise<void> {
  const dialog = root.querySelector<HTMLDialogElement>('dialog[data-share]');
  if (!dialog) throw new Error('the scrolly section has no share dialog');
  const p = parts(dialog);
  const { embedRoot = '', storyUrl = '', resizeUrl = '', copied = '', codeCopied = '', copyFailed = '', loadFailed = '' } = dialog.dataset;
  const steps = [...root.querySelectorAll<HTMLElement>('[data-step]')];
  const step = steps[Math.max(0, engine.activeIndex)];
  const stepId = step?.dataset.step ?? '';
  const sceneId = step?.dataset.scene ?? '';

  const say = (text: string) => {
    p.status.textContent = '';
    // A new node each time, so the same message is announced again.
    requestAnimationFrame(() => (p.status.textContent = text));
  };

  const showCode = async () => {
    const what = p.what.find((r) => r.checked)?.value === 'story' ? STORY_EMBED : sceneId;
    p.code.value = '';
    try {
      const response = await fetch(`${embedRoot}${what}/oembed.json`);
      if (!response.ok) throw new Error(String(response.status));
      const oembed = (await response.json()) as OembedResponse;
      p.code.value = `${oembed.html}\n<script src="${resizeUrl}" async></script>`;
      p.preview.href = `${embedRoot}${what}/`;
    } catch {
      p.code.value = '';
      say(loadFailed);
    }
  };

  if (!wired.has(dialog)) {
    wired.add(dialog);
    p.close.addEventListener('click', () => dialog.close());
    p.copyLink.addEventListener('click', async () => say((await copy(p.link)) ? copied : copyFailed));
    p.copyCode.addEventListener('click', async () => say((await copy(p.code)) ? codeCopied : copyFailed));
    for (const radio of p.what) radio.addEventListener('change', () => void refill?.());
  }
  refill = showCode;
  p.link.value = stepId ? `${storyUrl}#${stepId}` : storyUrl;
  p.status.textContent = '';
  dialog.showModal();
  await showCode();
}
