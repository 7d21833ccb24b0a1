import { describe, expect, it } from 'vitest';
import { describeSource } from './display-media';

describe('describeSource: what the recording captures, in words', () => {
  it('names the shared tab or window by its title, never by an id', () => {
    expect(describeSource('browser', 'Expenses – New report')).toBe('a tab, “Expenses – New report”');
    expect(describeSource('window', 'Terminal')).toBe('a window, “Terminal”');
    expect(describeSource('browser', 'web-contents-media-stream://1234:5')).toBe('a tab');
    expect(describeSource('window', 'window:8421:0')).toBe('a window');
    expect(describeSource('monitor', 'screen:0:0')).toBe('your entire screen');
    expect(describeSource(null, undefined)).toBe('what you shared');
  });
  it('says when it records the app itself', () => {
    expect(describeSource('browser', 'pack2skill', true)).toBe('this tab (pack2skill itself)');
  });
});
