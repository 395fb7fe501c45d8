/**
 * The story's languages. English is the default and lives at the site's root;
 * French lives under `fr/` (Astro's i18n routing, astro.config.mjs). Step ids
 * are shared, so `#step-id` means the same step in both.
 */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** BCP 47 tags passed to `Intl` for each locale. */
export const INTL_TAG: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };

/** Each language's name in itself, for the language switcher. */
export const LANGUAGE_NAME: Record<Locale, string> = { en: 'English', fr: 'Français' };

/** `value` (Astro.currentLocale, a URL segment…) as a Locale; anything else is the default. */
export function asLocale(value: string | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : DEFAULT_LOCALE;
}

/**
 * The path of `page` (relative, no leading slash: "", "educators/", "maps/x.svg")
 * in `locale` under the site's `base` (ending in "/"): "/", "/fr/", "/base/fr/educators/".
 */
export function localePath(locale: Locale, base: string, page = ''): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${locale === DEFAULT_LOCALE ? '' : `${locale}/`}${page}`;
}
