/**
 * The data each chart derives from the story (fixture with the brief's fixed
 * ids and values), and the clear errors when a record is missing.
 */
import { describe, expect, it } from 'vitest';
import { makeStory, story } from './fixtures/story';
import { deriveTimeline, describeTimeline, highlightedEvent, inRange, keyLabels, timelineDomain, timelineOutlets, TIMELINE_ERA_IDS, TIMELINE_EVENT_IDS, TIMELINE_KEY_EVENTS } from '../../src/charts/data/timeline';
import { convoyAnnotation, deriveFuelTraffic, describeFuelTraffic, fuelTrafficAxisTitle, fuelTrafficRows, FUEL_TRAFFIC_FIGURE_IDS } from '../../src/charts/data/fuel-traffic';
import { deriveGoldShare, describeGoldShare, goldShares, GOLD_SHARE_FIGURE_IDS } from '../../src/charts/data/gold-share';
import { deriveTrade, describeTrade } from '../../src/charts/data/trade';
import { deriveBamakoLife, describeBamakoLife, BAMAKO_LIFE_EVENT_IDS } from '../../src/charts/data/bamako-life';
import { endOfPeriod, periodOf } from '../../src/charts/data/periods';
import { outletsOf } from '../../src/charts/data/lookup';

const utc = (y: number, m: number, d = 1) => new Date(Date.UTC(y, m - 1, d));
/** Intl puts thin and no-break spaces in ranges and units; compare them as plain spaces. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value).replace(/[\u2009\u202f\u00a0]/g, ' '));

describe('periods of partial dates', () => {
  it('covers a whole month, day or year, and a span to the end of its last day', () => {
    expect(endOfPeriod('2025-09')).toEqual(utc(2025, 10));
    expect(endOfPeriod('2025-12')).toEqual(utc(2026, 1));
    expect(endOfPeriod('2025-09-14')).toEqual(utc(2025, 9, 15));
    expect(endOfPeriod('2012')).toEqual(utc(2013, 1));
    expect(periodOf('2025-10-27', '2025-11-09')).toEqual([utc(2025, 10, 27), utc(2025, 11, 10)]);
    expect(() => periodOf('2025-11-09', '2025-10-27')).toThrow(/ends before it starts/);
  });
});

describe('timeline data', () => {
  const data = deriveTimeline(story);

  it('has every era, with spans running to the end of their last day', () => {
    expect([...data.eras.map((e) => e.id)].sort()).toEqual([...TIMELINE_ERA_IDS].sort());
    const rebellion = data.eras.find((e) => e.id === 'rebellion-and-intervention')!;
    expect(rebellion.start).toEqual(utc(2012, 1, 17));
    expect(rebellion.end).toEqual(utc(2013, 1, 12));
    expect(plain(rebellion.dateLabel)).toBe('17 January 2012 – 11 January 2013');
  });

  it('says how sure each era bound is: "by", undated, continuing', () => {
    const blockade = data.eras.find((e) => e.id === 'blockade')!;
    // An ongoing era runs to the end of the day the story is current to.
    expect([blockade.start, blockade.end]).toEqual([utc(2025, 9, 3), utc(2025, 12, 8)]);
    expect([blockade.startQualifier, blockade.endQualifier]).toEqual(['on', 'ongoing']);
    expect(plain(blockade.dateLabel)).toBe('3 September 2025 – continuing');
    const russian = data.eras.find((e) => e.id === 'russian-forces')!;
    expect(russian.startQualifier).toBe('by');
    expect(plain(russian.dateLabel)).toBe('by 23 December 2021 – continuing');
    const spread = data.eras.find((e) => e.id === 'insurgency-spreads')!;
    // No source dates the start: the era begins where the timeline begins, marked undated.
    expect([spread.start, spread.startQualifier, spread.endQualifier]).toEqual([utc(2012, 1), 'undated', 'by']);
    expect(plain(spread.dateLabel)).toBe('date unknown – by September 2025');
  });

  it('draws month-precision events as the whole month, not a made-up day', () => {
    const kidnapped = data.events.find((e) => e.id === 'senegalese-drivers-kidnapped')!;
    expect(kidnapped.precision).toBe('month');
    expect([kidnapped.start, kidnapped.end]).toEqual([utc(2025, 9), utc(2025, 10)]);
    expect(kidnapped.dateLabel).toBe('September 2025');
    const queues = data.events.find((e) => e.id === 'bamako-fuel-queues')!;
    expect(queues.qualifier).toBe('by');
    expect(queues.dateLabel).toBe('by 8 October 2025');
    const attack = data.events.find((e) => e.id === 'sept-14-convoy-attack')!;
    expect([attack.start, attack.end]).toEqual([utc(2025, 9, 14), utc(2025, 9, 15)]);
    expect(attack.dateLabel).toBe('14 September 2025');
    const schools = data.events.find((e) => e.id === 'schools-closed')!;
    expect(schools.isSpan).toBe(true);
    expect(schools.end).toEqual(utc(2025, 11, 10));
  });

  it('keeps events in date order from 2012 to December 2025 and zooms into September–December 2025', () => {
    expect(data.events.length).toBe(story.events.length);
    const starts = data.events.map((e) => +e.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(timelineDomain('all')).toEqual([utc(2012, 1), utc(2026, 1)]);
    expect(timelineDomain('blockade')).toEqual([utc(2025, 9), utc(2026, 1)]);
    const zoomed = inRange(data, 'blockade');
    expect(zoomed.eras.map((e) => e.id).sort()).toEqual(['blockade', 'insurgency-spreads', 'russian-forces']);
    expect(zoomed.events.map((e) => e.id)).toContain('bougouni-attack');
    expect(zoomed.events.map((e) => e.id)).not.toContain('jnim-founded');
    expect(data.asOfLabel).toBe('6 December 2025');
  });

  it('finds the highlighted event, and names an unknown one', () => {
    expect(highlightedEvent(data, { id: 's', highlight: 'jnim-declares-blockade' })?.title).toMatch(/blockade/);
    expect(highlightedEvent(data, { id: 's' })).toBeUndefined();
    expect(() => highlightedEvent(data, { id: 'scene-x', highlight: 'no-such-event' })).toThrow(/scene "scene-x".*"no-such-event"/);
  });

  it('describes the scale, the eras and the highlighted event', () => {
    const text = describeTimeline(data, { id: 's', range: 'blockade', highlight: 'sept-14-convoy-attack' }, 'en');
    expect(plain(text.desc)).toContain('over September – December 2025');
    expect(text.desc).toContain('Highlighted: Convoy attacked in the Kayes region, 14 September 2025.');
    expect(text.title).toMatch(/^Timeline: /);
  });

  it('labels the key events directly: the coups, the French intervention, Wagner condemned, the Sahel alliance, the blockade', () => {
    expect(keyLabels('all', undefined, 'en').map((k) => [k.text, k.eventIds.join(' ')])).toEqual([
      ['Coup', 'coup-2012'],
      ['French intervention', 'operation-serval'],
      ['Coups', 'coup-2020 coup-2021'],
      ['Wagner condemned', 'wagner-deployment-condemned'],
      ['Sahel alliance', 'sahel-alliance-founded'],
      ['Blockade', 'jnim-declares-blockade'],
    ]);
    // Wagner is labelled by the condemnation, never as a deployment date.
    expect(keyLabels('all', undefined, 'en').find((k) => k.eventIds.includes('wagner-deployment-condemned'))!.era).toBeUndefined();
    expect(keyLabels('blockade', undefined, 'en').map((k) => k.text)).toEqual(['Blockade declared', 'Convoy attacked', 'Schools closed', 'Bougouni attack']);
  });

  it('leaves the highlighted event to its annotation, splitting its group', () => {
    const labels = keyLabels('all', 'coup-2020', 'en');
    expect(labels.find((k) => k.eventIds.includes('coup-2020'))).toBeUndefined();
    expect(labels.find((k) => k.eventIds.includes('coup-2021'))).toMatchObject({ text: 'Coup', eventIds: ['coup-2021'], era: 'coups' });
  });

  it('lists the highlighted event’s outlet first in the source line', () => {
    const outlets = timelineOutlets(story, data, { id: 's', range: 'all', highlight: 'wagner-deployment-condemned' });
    expect(outlets[0]).toBe('AFP');
    expect(new Set(outlets).size).toBe(outlets.length);
  });

  it.each(Object.values(TIMELINE_KEY_EVENTS).flat().flatMap((k) => k.ids))('throws naming a missing key event "%s"', (id) => {
    const broken = makeStory();
    broken.events = broken.events.filter((e) => e.id !== id);
    expect(() => deriveTimeline(broken)).toThrow(`timeline chart: event "${id}" is missing`);
  });

  it.each([...TIMELINE_ERA_IDS.map((id) => ['era', id]), ...TIMELINE_EVENT_IDS.map((id) => ['event', id])])(
    'throws naming a missing %s "%s"',
    (kind, id) => {
      const broken = makeStory();
      if (kind === 'era') broken.eras = broken.eras.filter((e) => e.id !== id);
      else broken.events = broken.events.filter((e) => e.id !== id);
      expect(() => deriveTimeline(broken)).toThrow(`timeline chart: ${kind} "${id}" is missing (content/${kind}s/${id}.yaml)`);
    },
  );
});

describe('fuel-traffic data', () => {
  const data = deriveFuelTraffic(story);
  const row = (id: string) => data.rows.find((r) => r.id === id)!;

  it('labels lower bounds and approximations as such, never as exact', () => {
    expect(row('tankers-daily-normal')).toMatchObject({ value: 100, estimate: 'more-than', valueLabel: 'more than 100', outlet: 'AP' });
    // The standstill is a state the source gives in words: no value, dated to when it was reported.
    expect(row('fuel-traffic-standstill')).toMatchObject({ role: 'state', value: null, asOfLabel: 'September 2025', valueLabel: '“come to a standstill” (no number given)' });
    expect(row('tankers-burned-two-weekends')).toMatchObject({ value: 100, estimate: 'approximate', valueLabel: 'about 100' });
    expect(row('sept14-convoy-vehicles')).toMatchObject({ role: 'context', valueLabel: 'more than 100 vehicles' });
  });

  it('draws the standstill as words dated to when they were reported, with no number', () => {
    expect(row('fuel-traffic-standstill').stateLabel).toBe('One importer, September 2025: “come to a standstill”');
    expect(row('fuel-traffic-standstill').stateNote).toBe('No number given');
    expect(/\d/.test(row('fuel-traffic-standstill').valueLabel)).toBe(false);
  });

  it('titles the value axis with what the bars count, and gives the convoy as an annotation', () => {
    expect(fuelTrafficAxisTitle('normal', 'en')).toBe('Tanker trucks a day');
    expect(fuelTrafficAxisTitle('burned', 'en')).toBe('Tanker trucks set on fire');
    expect(fuelTrafficAxisTitle('sept-14', 'en')).toBe('Tankers destroyed');
    expect(convoyAnnotation(data, 'en')).toBe('The convoy: more than 100 vehicles');
  });

  it('names the source on each of the three counts of 14 September', () => {
    const rows = fuelTrafficRows(data, 'sept-14');
    expect(rows.map((r) => [r.name, r.valueLabel])).toEqual([
      ['Reuters', 'at least 40'],
      ['ACLED, as reported by Reuters', '51'],
      ['A JNIM source, as reported by Reuters', '80'],
      ['Size of the convoy attacked', 'more than 100 vehicles'],
    ]);
    expect(rows.map((r) => r.asOfLabel)).toEqual(Array(4).fill('14 September 2025'));
  });

  it('shows the right rows at each stage', () => {
    expect(fuelTrafficRows(data, 'normal').map((r) => r.id)).toEqual(['tankers-daily-normal']);
    expect(fuelTrafficRows(data, 'standstill').map((r) => r.id)).toEqual(['tankers-daily-normal', 'fuel-traffic-standstill']);
    expect(fuelTrafficRows(data, 'burned').map((r) => r.id)).toEqual(['tankers-burned-two-weekends']);
    expect(data.max).toBe(100);
  });

  it('describes the values, sources and the trend', () => {
    const text = describeFuelTraffic(data, 'standstill', 140, 'en');
    expect(text.desc).toContain('scale from 0 to 140');
    expect(text.desc).toContain('Usually, each day: more than 100 (AP, September 2025)');
    expect(text.desc).toContain('then one importer said the traffic had “come to a standstill”, without giving a number');
    expect(text.outlets).toEqual(['AP']);
    expect(text.asOfLabel).toBe('September 2025');
    const sept = describeFuelTraffic(data, 'sept-14', 140, 'en');
    expect(sept.desc).toContain('from at least 40 to 80 tankers');
    expect(sept.heading).toBe('One attack, three counts: tankers destroyed on 14 September 2025');
  });

  it.each(Object.values(FUEL_TRAFFIC_FIGURE_IDS))('throws naming a missing figure "%s"', (id) => {
    const broken = makeStory();
    delete broken.figures[id];
    expect(() => deriveFuelTraffic(broken)).toThrow(`fuel-traffic chart: figure "${id}" is missing (content/figures/${id}.yaml)`);
  });

  it('throws naming a missing source', () => {
    const broken = makeStory();
    delete broken.sources['reuters-2025-09-16'];
    expect(() => deriveFuelTraffic(broken)).toThrow('fuel-traffic chart: source "reuters-2025-09-16" is missing');
  });
});

describe('gold-share data', () => {
  const data = deriveGoldShare(story);

  it('gives each share as squares out of 100, labelled with outlet and date', () => {
    expect(data.shares.map((s) => [s.id, s.cells, s.valueLabel, s.attribution])).toEqual([
      ['kayes-gold-share', 80, 'about 80%', 'BBC News, September 2025'],
      ['kayes-gold-share-2021', 77, 'about 77%', 'ISS Today, April 2021'],
    ]);
    expect(goldShares(data, 'share').map((s) => s.id)).toEqual(['kayes-gold-share']);
    expect(goldShares(data, 'compare').map((s) => s.id)).toEqual(['kayes-gold-share', 'kayes-gold-share-2021']);
  });

  it('keeps the output in tonnes as context text, never multiplied by a share', () => {
    expect(data.output.valueLabel).toBe('66.5 tonnes');
    expect(data.output.text).toBe('For context: Mali’s industrial gold output in 2023 was 66.5 tonnes (Reuters).');
    expect(JSON.stringify(data)).not.toMatch(/53\.2|51\.2/);
  });

  it('describes both estimates at the compare stage', () => {
    const text = describeGoldShare(data, 'compare', 'en');
    expect(text.desc).toContain('about 80% of Mali’s gold production (BBC News, September 2025)');
    expect(text.desc).toContain('about 77% (ISS Today, April 2021)');
    expect(text.outlets).toEqual(['BBC News', 'ISS Today', 'Reuters']);
    expect(describeGoldShare(data, 'share', 'en').desc).not.toContain('77%');
  });

  it.each(Object.values(GOLD_SHARE_FIGURE_IDS))('throws naming a missing figure "%s"', (id) => {
    const broken = makeStory();
    delete broken.figures[id];
    expect(() => deriveGoldShare(broken)).toThrow(`gold-share chart: figure "${id}" is missing`);
  });

  it('refuses a share that is not a percentage', () => {
    const broken = makeStory();
    broken.figures['kayes-gold-share'] = { ...broken.figures['kayes-gold-share'], unit: 'tonnes' };
    expect(() => deriveGoldShare(broken)).toThrow(/"kayes-gold-share" must be a percentage/);
  });
});

describe('trade data', () => {
  const data = deriveTrade(story);

  it('keeps the lower bound, the partner statement and the goods without values', () => {
    expect(data.exports).toMatchObject({ value: 1_400_000_000, estimate: 'more-than', asOfLabel: '2024', outlet: 'BBC News' });
    expect(data.exports.valueLabel).toMatch(/^more than .*1\.4 billion$/);
    expect(data.partner).toBe('Mali is Senegal’s main African trade partner');
    expect(data.goods.map((g) => g.label)).toEqual(['Fuel', 'Cement', 'Foodstuffs', 'Manufactured goods']);
    expect(data.goods.some((g) => 'value' in g)).toBe(false);
    expect(data.reportedLabel).toBe('September 2025');
  });

  it('describes the goods only at the goods stage', () => {
    expect(describeTrade(data, 'exports', '$2 billion', 'en').desc).not.toContain('Cement');
    expect(describeTrade(data, 'goods', '$2 billion', 'en').desc).toContain('Fuel, Cement, Foodstuffs, Manufactured goods');
  });

  it('throws naming a missing figure', () => {
    const broken = makeStory();
    delete broken.figures['senegal-exports-to-mali'];
    expect(() => deriveTrade(broken)).toThrow('trade chart: figure "senegal-exports-to-mali" is missing');
  });
});

describe('bamako-life data', () => {
  const data = deriveBamakoLife(story);

  it('shows what BBC News reported in mid-September, with no invented number', () => {
    expect(data.indicators.map((i) => [i.id, i.kind, i.valueLabel, i.detail ?? null, i.outlet])).toEqual([
      ['fuel-prices', 'quantitative', 'up about 10%', null, 'BBC News'],
      ['power-cuts', 'qualitative', 'more frequent', 'no figure reported', 'BBC News'],
      ['fuel-supply', 'qualitative', 'no outright shortage', null, 'BBC News'],
    ]);
    expect(data.indicators.every((i) => i.when === 'mid-September 2025')).toBe(true);
    expect(data.indicators.filter((i) => i.kind === 'qualitative').some((i) => /\d/.test(i.valueLabel))).toBe(false);
  });

  it('lists the October–November events from the events collection', () => {
    expect(plain(data.events.map((e) => [e.id, e.dateLabel]))).toEqual([
      ['bamako-fuel-queues', 'by 8 October 2025'],
      ['schools-closed', '27 October – 9 November 2025'],
      ['us-urges-citizens-leave', '28 October 2025'],
      ['france-advises-citizens-leave', '7 November 2025'],
    ]);
    expect([data.events[0].precision, data.events[0].qualifier]).toEqual(['day', 'by']);
  });

  it('describes each stage', () => {
    const sept = describeBamakoLife(data, 'mid-september', story);
    expect(sept.desc).toContain('Power cuts: more frequent (no figure reported)');
    expect(sept.heading).toBe('Life in Bamako, mid-September 2025');
    const oct = describeBamakoLife(data, 'october-november', story);
    expect(oct.asOfLabel).toBe('9 November 2025');
    expect(oct.outlets).toEqual(['AP', 'AFP', 'Reuters', 'Africanews']);
  });

  it.each(BAMAKO_LIFE_EVENT_IDS)('throws naming a missing event "%s"', (id) => {
    const broken = makeStory();
    broken.events = broken.events.filter((e) => e.id !== id);
    expect(() => deriveBamakoLife(broken)).toThrow(`bamako-life chart: event "${id}" is missing (content/events/${id}.yaml)`);
  });

  it('throws naming the missing price figure', () => {
    const broken = makeStory();
    delete broken.figures['bamako-fuel-price-rise'];
    expect(() => deriveBamakoLife(broken)).toThrow('bamako-life chart: figure "bamako-fuel-price-rise" is missing');
  });
});

describe('outlets', () => {
  it('deduplicates outlets in first-seen order', () => {
    expect(outletsOf(story, ['reuters-2025-09-16', 'ap-2025-09', 'reuters-2024-08-22'], 'timeline')).toEqual(['Reuters', 'AP']);
  });
});

describe('French locale', () => {
  it('formats through Intl for the story locale', () => {
    const fr = makeStory('fr');
    const rows = deriveFuelTraffic(fr).rows;
    expect(rows.find((r) => r.id === 'sept14-tankers-reuters')!.valueLabel).toBe('au moins 40');
    expect(rows.find((r) => r.id === 'sept14-tankers-reuters')!.asOfLabel).toBe('14 septembre 2025');
    expect(deriveGoldShare(fr).shares[0].valueLabel).toMatch(/^environ 80\s?%$/);
  });
});

describe('chart scene check', () => {
  it('finds no problem in the fixture', async () => {
    const { chartSceneProblems } = await import('../../src/charts/validate');
    expect(chartSceneProblems(story)).toEqual([]);
  });

  it('names a highlight outside its range, a missing figure and an unknown source', async () => {
    const { chartSceneProblems } = await import('../../src/charts/validate');
    const broken = makeStory();
    broken.scenes['timeline-blockade'] = { ...broken.scenes['timeline-blockade'], highlight: 'jnim-founded' } as typeof broken.scenes[string];
    broken.scenes['fuel-normal'] = { ...broken.scenes['fuel-normal'], sources: ['no-such-source'] };
    delete broken.figures['kayes-gold-share'];
    const problems = chartSceneProblems(broken);
    expect(problems).toContain('timeline chart: scene "timeline-blockade" highlights event "jnim-founded", which is outside its range "blockade" (content/scenes/timeline-blockade.yaml)');
    expect(problems).toContain('fuel-traffic chart: source "no-such-source" is missing (content/sources/no-such-source.yaml)');
    expect(problems).toContain('gold-share chart: figure "kayes-gold-share" is missing (content/figures/kayes-gold-share.yaml)');
  });
});
