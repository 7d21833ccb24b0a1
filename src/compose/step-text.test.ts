import { describe, expect, it } from 'vitest';
import { stepText, toMarkdown, toPlainText } from './step-text';

const md = (facts: Parameters<typeof stepText>[0]) => toMarkdown(stepText(facts));

describe('stepText', () => {
  it('writes the actions of the original design', () => {
    expect(md({ kind: 'click', label: 'Create ticket' })).toBe('Click **Create ticket**');
    expect(md({ kind: 'click', label: 'Buy milk', double: true })).toBe('Double-click **Buy milk**');
    expect(md({ kind: 'click', label: 'Expand', context: 'array [3]' })).toBe(
      'Click **Expand** beside **array \\[3\\]**',
    );
    expect(md({ kind: 'type', label: 'Summary', value: 'Printer jam' })).toBe('Type `Printer jam` into **Summary**');
    expect(md({ kind: 'choose', label: 'Priority', value: 'High' })).toBe('Choose **High** in **Priority**');
    expect(md({ kind: 'scroll', label: 'Billing', scrollDelta: { x: 0, y: 400 } })).toBe('Scroll down to **Billing**');
    expect(md({ kind: 'key', key: 'Ctrl+S' })).toBe('Press **Ctrl+S**');
    expect(md({ kind: 'toggle', label: 'Urgent', value: 'checked' })).toBe('Check **Urgent**');
  });

  it("says when typing replaces the field's text and is submitted with a key", () => {
    expect(md({ kind: 'type', label: 'Summary', value: 'Printer jam', replaces: true, thenKey: 'Enter' })).toBe(
      'Type `Printer jam` into **Summary** (replacing its text), then press **Enter**',
    );
    expect(md({ kind: 'type', value: 'x', thenKey: 'Enter' })).toBe('Type `x`, then press **Enter**');
  });

  it('never writes a redacted value', () => {
    expect(md({ kind: 'type', label: 'Password', value: 'hunter2', redacted: true })).toBe(
      'Type the secret value into **Password**',
    );
  });

  it('reads a slow change that left new text as typing, a quick one as a click', () => {
    expect(md({ kind: 'visual', label: 'Summary', appeared: 'Quarterly report', durationMs: 700 })).toBe(
      'Type `Quarterly report` into **Summary**',
    );
    expect(md({ kind: 'visual', label: 'Add item', appeared: 'Item number 1', durationMs: 0 })).toBe(
      'Click **Add item**',
    );
    expect(md({ kind: 'visual' })).toBe('Wait for the screen to change');
  });

  it('describes an unnamed change by its caption, and only then', () => {
    expect(md({ kind: 'visual', caption: 'A dialog asking to confirm the order.' })).toBe(
      'Wait for the screen to change: a dialog asking to confirm the order',
    );
    expect(md({ kind: 'visual', caption: 'PDF preview of the invoice' })).toBe(
      'Wait for the screen to change: PDF preview of the invoice',
    );
    // A name read from the screen says more than a caption.
    expect(md({ kind: 'visual', label: 'Save', caption: 'a form' })).toBe('Click **Save**');
    expect(md({ kind: 'click', label: 'Save', caption: 'a form' })).toBe('Click **Save**');
  });

  it('escapes screen text so it cannot become markup', () => {
    expect(md({ kind: 'click', label: '<script>*x*</script>' })).toBe('Click **\\<script\\>\\*x\\*\\</script\\>**');
    expect(toPlainText(stepText({ kind: 'click', label: 'A & B' }))).toBe('Click A & B');
  });
});
