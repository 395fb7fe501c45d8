/**
 * Which layers a map scene shows. Shared by the WebGL map, the SVG renderer
 * and the legend, so all three agree on what is visible.
 */
import { LAYER_IDS, SCHEMATIC_LAYERS, type LayerId } from './layer-ids';
import type { MapSceneData } from '../story/types';

/** Layers drawn on every map whatever the scene lists. */
export const BASE_LAYERS: readonly LayerId[] = ['countries', 'rivers'];

/**
 * The layers visible in `scene`: the base layers plus the scene's own, each
 * once, in the canonical order of LAYER_IDS (bottom to top of the legend).
 */
export function visibleLayers(scene: Pick<MapSceneData, 'layers'>): LayerId[] {
  const wanted = new Set<LayerId>([...BASE_LAYERS, ...scene.layers]);
  return LAYER_IDS.filter((id) => wanted.has(id));
}

/** True for layers drawn as a schematic route through towns. */
export function isSchematic(layer: LayerId): boolean {
  return SCHEMATIC_LAYERS.includes(layer);
}
