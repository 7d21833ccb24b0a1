import { describe, expect, it } from 'vitest';
import { disclosureToggled, editDistance, sameReading } from './text-distance';

describe('editDistance', () => {
  it('counts single-character edits', () => {
    expect(editDistance('Feed the caf', 'Feed the cat')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('sameReading', () => {
  it('takes readings a letter apart for one text, and short or far texts for different ones', () => {
    expect(sameReading('displayOutline', 'displayOutine')).toBe(true);
    expect(sameReading('Water plants', 'Water plant')).toBe(true);
    expect(sameReading('1', '2')).toBe(false);
    expect(sameReading('Fast', 'Slow')).toBe(false);
    expect(sameReading('Active', 'Actions')).toBe(false);
  });
});

describe('disclosureToggled', () => {
  it('is a line that gained or lost a triangle at its start', () => {
    expect(disclosureToggled('job {3} A', 'v job {3} A')).toBe(true);
    expect(disclosureToggled('▾ Layout', 'Layout')).toBe(true);
    expect(disclosureToggled('Settings', '› Settings')).toBe(true);
    expect(disclosureToggled('› Settings', 'v Settings')).toBe(false); // both have one: no line gained it
  });

  it('is a line that gained a triangle and a word read only then between its words, not before its name', () => {
    expect(disclosureToggled('job A', 'v job {3} A')).toBe(true);
    expect(disclosureToggled('v job {3} A', 'job A')).toBe(true);
    expect(disclosureToggled('job A', 'v {3} job A')).toBe(false);
    expect(disclosureToggled('job A', 'v job {3} B')).toBe(false);
    expect(disclosureToggled('job A', 'job {3} A')).toBe(false);
    expect(disclosureToggled('job A', 'v job {3} {4} A')).toBe(false);
  });

  it("is no frame's caption read with its border before it", () => {
    expect(disclosureToggled('Disabled', '-Disabled')).toBe(false);
    expect(disclosureToggled('Fully Editable', '~Fully Editable')).toBe(false);
  });

  it('is no count that grew a digit, no box ticked before a label, no short word', () => {
    expect(disclosureToggled('Clear completed 1', 'Clear completed 12')).toBe(false);
    expect(disclosureToggled('1 item left', '11 item left')).toBe(false);
    expect(disclosureToggled('Buy milk', 'O Buy milk')).toBe(false);
    expect(disclosureToggled('ab', 'v ab')).toBe(false);
  });
});
