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
  'rivers', // the Niger and Senegal rivers, labelled (always drawn where they are in view)
  'mali-regions', // borders between Mali's admin-1 regions (Natural Earth)
  'kayes-region', // the Kayes region shaded and labelled: every step about Kayes
  'corridor', // the Dakar – Bamako corridor, straight through the towns the reporting names (schematic)
  'escort-route', // army escorts from the Senegalese border to Bamako (Le Monde), along the corridor (schematic)
  'niger-convoy-route', // Niger's fuel convoy, Niamey to Bamako (Africanews), as a straight line (schematic)
  'attack-area', // approximate area of the tanker attacks near Kayes (AP)
  'airstrikes', // approximate areas in or near Kayes, Ségou, Nioro and Kidal that army airstrikes targeted
  'convoy-origins', // countries whose convoys were attacked
  'fuel-ban', // countries whose fuel JNIM banned
  'blockade-areas', // the two areas JNIM declared under blockade
  'northern-towns-fall', // Kidal, Gao and Timbuktu, which fell between 30 March and 1 April 2012 (AFP)
  'bougouni-attack', // approximate area of the attack near Bougouni, 6 December 2025 (RFI)
  'alliances', // Alliance of Sahel States vs ECOWAS
  'bamako-outskirts', // Bamako and its outskirts
] as const;

export type LayerId = (typeof LAYER_IDS)[number];

/** Layers drawn as a route through town points, which the legend must mark "schematic". */
export const SCHEMATIC_LAYERS: readonly LayerId[] = ['corridor', 'escort-route', 'niger-convoy-route'];
