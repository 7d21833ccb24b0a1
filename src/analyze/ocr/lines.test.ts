import { describe, expect, it } from 'vitest';
import { showsShortcut, withoutShortcut } from './lines';

describe('keyboard shortcuts in read text', () => {
  it('finds a shortcut among the words of a line, as OCR reads it', () => {
    expect(showsShortcut('Add Ctrl+A')).toBe(true);
    expect(showsShortcut('Delete... ctri+p')).toBe(true);
    expect(showsShortcut('Save Ctrl +S')).toBe(true);
    expect(showsShortcut('Control panel')).toBe(false);
    expect(showsShortcut('C++ and Rust')).toBe(false);
  });

  it('names a control without the one shortcut shown after its text, and leaves a row of them as it is', () => {
    expect(withoutShortcut('Search Ctrl+S')).toBe('Search');
    expect(withoutShortcut('Delete... Ctrl +D')).toBe('Delete...');
    expect(withoutShortcut('Add Ctrl+A Search Ctrl+S')).toBe('Add Ctrl+A Search Ctrl+S');
    expect(withoutShortcut('Ctrl+S')).toBe('Ctrl+S');
    expect(withoutShortcut('Name:')).toBe('Name:');
  });
});
