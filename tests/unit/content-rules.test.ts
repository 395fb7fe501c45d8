/** Partial dates, the cross-reference check and step declarations: the rules the content model enforces. */
import { describe, expect, test } from 'vitest';
import { isCalendarDate, midpointOf, precisionOf, startOf } from '../../src/content/dates';
import { findBrokenReferences } from '../../src/content/integrity';
import { assertUniqueStepIds, stepsIn } from '../../src/content/steps';

describe('partial dates', () => {
  test('precision follows the written form', () => {
    expect(precisionOf('2012')).toBe('year');
    expect(precisionOf('2025-09')).toBe('month');
    expect(precisionOf('2025-09-14')).toBe('day');
    expect(() => precisionOf('14/09/2025')).toThrow(/not a date/);
  });
  test('only real calendar dates pass', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13')).toBe(false);
    expect(isCalendarDate('2025-00-10')).toBe(false);
  });
  test('a month is placed mid-month, a year mid-year', () => {
    expect(startOf('2025-09').toISOString()).toBe('2025-09-01T00:00:00.000Z');
    expect(midpointOf('2025-09').toISOString()).toBe('2025-09-16T00:00:00.000Z');
    expect(midpointOf('2025-09-14').toISOString()).toBe('2025-09-14T12:00:00.000Z');
    expect(midpointOf('2012').getUTCMonth()).toBe(6);
  });
});

describe('cross-references', () => {
  const ref = (collection: string, id: string) => ({ collection, id });
  test('names the file and the field of each broken reference', () => {
    const problems = findBrokenReferences({
      places: [{ id: 'kayes', data: {} }],
      sources: [{ id: 'ap', data: {} }],
      events: [
        {
          id: 'attack',
          filePath: 'content/events/attack.yaml',
          data: { places: [ref('places', 'kayes'), ref('places', 'atlantis')], sources: [ref('sources', 'ap')] },
        },
      ],
      figures: [{ id: 'n', filePath: 'content/figures/n.yaml', data: { source: ref('sources', 'nobody') } }],
    });
    expect(problems).toEqual([
      'content/events/attack.yaml: places[1] names "atlantis", which is not in content/places/',
      'content/figures/n.yaml: source names "nobody", which is not in content/sources/',
    ]);
  });
});

describe('steps in MDX', () => {
  test('are read in order with their scenes', () => {
    const mdx = 'Intro\n<Step id="a-1" scene="map-x">\nText\n</Step>\n<Step scene="chart-y" id="b-2">Text</Step>';
    expect(stepsIn(mdx)).toEqual([
      { id: 'a-1', scene: 'map-x' },
      { id: 'b-2', scene: 'chart-y' },
    ]);
  });
  test('a step without a scene is refused', () => {
    expect(() => stepsIn('<Step id="a">x</Step>', 'content/chapters/02.mdx')).toThrow(/02\.mdx.*scene/);
  });
  test('duplicate step ids are refused, naming both files', () => {
    expect(() =>
      assertUniqueStepIds([
        { file: 'one.mdx', steps: [{ id: 'x', scene: 's' }] },
        { file: 'two.mdx', steps: [{ id: 'x', scene: 't' }] },
      ]),
    ).toThrow(/"x" is used twice: in one\.mdx and in two\.mdx/);
  });
});
