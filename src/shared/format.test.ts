import { describe, expect, it } from 'vitest';
import { describeError, formatBytes, formatDuration, count } from './format';

describe('formatDuration', () => {
  it('shows minutes and seconds, and hours when there are some', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(83_999)).toBe('1:23');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });
});

describe('formatBytes', () => {
  it('picks a readable unit', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
  });
});

describe('describeError', () => {
  it('gives the message, the name when there is no message, or the value itself', () => {
    expect(describeError(new Error('disk on fire'))).toBe('disk on fire');
    expect(describeError(new DOMException('', 'QuotaExceededError'))).toBe('QuotaExceededError');
    expect(describeError('plain')).toBe('plain');
  });
});

describe('count', () => {
  it('says one thing in the singular and others in the plural', () => {
    expect(count(1, 'marker')).toBe('1 marker');
    expect(count(0, 'marker')).toBe('0 markers');
    expect(count(12, 'key frame')).toBe('12 key frames');
    expect(count(2, 'person', 'people')).toBe('2 people');
  });
});
