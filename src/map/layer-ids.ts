/**
 * The map layers a scene may switch on, by stable id.
 *
 * Scenes in `content/scenes/` name these ids; the map module
 * (`src/map/layers.ts`) turns each id into one or more MapLibre style layers,
 * and the SVG renderer (`src/map/svg-map.ts`) into SVG groups. Keeping the list
 * here, free of any rendering code, lets the content schema validate scenes
 * without importing MapLibre.
 */
export const LAYER_IDS = [
  'countries', // West African countries, Mali emphasised (always drawn as the base)
  'mali-regions', // Mali's admin-1 regions (pre-2023 boundaries), Kayes highlighted
  'rivers', // Niger and Senegal rivers
  'corridor', // Dakar – Bamako corridor through known towns (schematic)
  'northern-route', // the route from Mauritania: Nouakchott – Nioro du Sahel – Diéma (schematic)
  'border-crossing', // Kidira – Diboli border crossing
  'attack-area', // approximate area of the tanker attacks near Kayes
  'escort-route', // army escorts from the Senegalese border to Bamako (schematic)
  'airstrikes', // places of army airstrikes that can be located
  'convoy-origins', // countries whose convoys were attacked
  'fuel-ban', // countries whose fuel JNIM banned
  'blockade-areas', // the two areas JNIM declared under blockade
  'bougouni-attack', // the attack near Bougouni, 6 December 2025
  'alliances', // Alliance of Sahel States vs ECOWAS
  'bamako-outskirts', // Bamako and its outskirts
] as const;

export type LayerId = (typeof LAYER_IDS)[number];

/** Layers drawn as a route through town points, which the legend must mark "schematic". */
export const SCHEMATIC_LAYERS: readonly LayerId[] = ['corridor', 'northern-route', 'escort-route'];
