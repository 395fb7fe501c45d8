/**
 * The steps a chapter declares, read from its MDX source: every
 * `<Step id="…" scene="…">` tag, in order. The page uses this to know the
 * first scene before it renders, and to refuse duplicate step ids (ids are
 * URL fragments shared across languages, so they must be unique).
 */
export interface StepRef {
  id: string;
  scene: string;
}

const STEP_TAG = /<Step\b([^>]*)>/g;
const attr = (attrs: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(attrs)?.[1];

/** Steps in an MDX body, in document order. Throws on a `<Step>` without an id or a scene. */
export function stepsIn(mdx: string, file = 'chapter'): StepRef[] {
  return [...mdx.matchAll(STEP_TAG)].map(([tag, attrs]) => {
    const id = attr(attrs, 'id');
    const scene = attr(attrs, 'scene');
    if (!id || !scene) throw new Error(`${file}: ${tag} needs both id="…" and scene="…"`);
    return { id, scene };
  });
}

/** Throws, naming both files, if two steps share an id. */
export function assertUniqueStepIds(chapters: { file: string; steps: StepRef[] }[]): void {
  const seen = new Map<string, string>();
  for (const { file, steps } of chapters) {
    for (const { id } of steps) {
      const other = seen.get(id);
      if (other) throw new Error(`step id "${id}" is used twice: in ${other} and in ${file}`);
      seen.set(id, file);
    }
  }
}
