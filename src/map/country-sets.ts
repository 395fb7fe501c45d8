/**
 * Which countries the country-based layers select, by ISO 3166-1 alpha-2 code
 * (the `iso` property written by scripts/build-geodata.mjs).
 *
 * Each set traces to the reference reporting:
 * - convoy origins: convoys "from Senegal, Mauritania, and even Ivory Coast"
 *   were attacked (reference report; AP, October 2025: Senegal and Côte d'Ivoire);
 * - fuel ban: JNIM banned fuel imports from Senegal, Mauritania, Guinea and
 *   Côte d'Ivoire (RFI, 4 September 2025, background fact #17);
 * - the Alliance of Sahel States and ECOWAS are flags in the data (`aes`,
 *   `ecowas`), set by the geodata script.
 */

/** Countries whose fuel convoys were attacked. */
export const CONVOY_ORIGINS: readonly string[] = ['SN', 'MR', 'CI'];

/** Countries whose fuel JNIM banned. */
export const FUEL_BAN: readonly string[] = ['SN', 'MR', 'GN', 'CI'];

/** Alliance of Sahel States members. */
export const AES: readonly string[] = ['ML', 'BF', 'NE'];

/**
 * Countries labelled on every map where they are in view (the story's
 * geography); layers add the countries they select.
 */
export const KEY_COUNTRIES: readonly string[] = ['ML', 'SN', 'MR', 'GN', 'CI', 'BF', 'NE'];
