import { describe, expect, it } from 'vitest';
import { editDistance } from './text-distance';

describe('editDistance', () => {
  it('counts single-character edits', () => {
    expect(editDistance('Feed the caf', 'Feed the cat')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
