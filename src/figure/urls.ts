/**
 * Where each scene's static figure lives, per language: the build-time SVGs
 * every frame shows (no-JS steps, the map's placeholder, embeds, print).
 * Maps: `maps/<scene>.svg`, charts: `charts/<scene>.svg`, each with a
 * `-narrow` variant for phones (static-route.ts). French figures are under `fr/`.
 */
import type { Locale } from '../i18n/locales';
import { localePath } from '../i18n/locales';
import type { SceneData } from '../story/types';

/** The URL of `scene`'s static figure in `locale` under `base`; `narrow` for the phone variant. */
export function staticFigureUrl(scene: Pick<SceneData, 'id' | 'graphic'>, locale: Locale, base: string, narrow = false): string {
  const folder = scene.graphic === 'map' ? 'maps' : 'charts';
  const suffix = narrow ? '-narrow' : '';
  return localePath(locale, base, `${folder}/${scene.id}${suffix}.svg`);
}
