/** The story's languages. English is the default; French is planned (step ids are shared). */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** BCP 47 tags passed to `Intl` for each locale. */
export const INTL_TAG: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };
