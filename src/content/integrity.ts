/**
 * Cross-reference checks for the content collections.
 *
 * Astro validates each record against its schema, but only logs a reference
 * to a record that does not exist. This module finds those references and
 * reports each as "<file>: <field> names "<id>", which is not in content/<collection>/",
 * so the build can fail with a message an editor can act on.
 */

/** The minimum this check needs of a collection entry. */
export interface EntryLike {
  id: string;
  filePath?: string;
  data: Record<string, unknown>;
}

const isReference = (value: unknown): value is { id: string; collection: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { id?: unknown }).id === 'string' &&
  typeof (value as { collection?: unknown }).collection === 'string' &&
  Object.keys(value).length === 2;

/** Every `{ id, collection }` reference inside `value`, with its field path (`places[1]`). */
function* referencesIn(value: unknown, path: string): Generator<{ path: string; id: string; collection: string }> {
  if (isReference(value)) {
    yield { path, ...value };
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* referencesIn(item, `${path}[${i}]`);
  } else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) yield* referencesIn(item, path ? `${path}.${key}` : key);
  }
}

/**
 * Lists references to records that do not exist, one message per broken
 * reference, across all the given collections (keyed by collection name).
 */
export function findBrokenReferences(collections: Record<string, EntryLike[]>): string[] {
  const known = new Map(Object.entries(collections).map(([name, entries]) => [name, new Set(entries.map((e) => e.id))]));
  const problems: string[] = [];
  for (const [name, entries] of Object.entries(collections)) {
    for (const entry of entries) {
      for (const ref of referencesIn(entry.data, '')) {
        if (!known.get(ref.collection)?.has(ref.id)) {
          const file = entry.filePath ?? `content/${name}/${entry.id}`;
          problems.push(`${file}: ${ref.path} names "${ref.id}", which is not in content/${ref.collection}/`);
        }
      }
    }
  }
  return problems;
}
