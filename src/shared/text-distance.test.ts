import { describe, expect, it } from 'vitest';
import { editDistance, sameReading } from './text-distance';

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
