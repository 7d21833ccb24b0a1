import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { cameAtOnce, stepText, toMarkdown, toPlainText } from './step-text';

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

  it('says what kind of control it acts on when the page says so', () => {
    expect(md({ kind: 'click', label: 'Save', control: { type: 'button' } })).toBe('Click the **Save** button');
    expect(md({ kind: 'click', label: 'Delete', context: 'Buy milk', control: { type: 'button' } })).toBe(
      'Click the **Delete** button beside **Buy milk**',
    );
    expect(
      md({ kind: 'type', label: 'Date', value: '2026-11-24', control: { type: 'date', format: 'yyyy-mm-dd' } }),
    ).toBe('Type `2026-11-24` into **Date** (a date field, yyyy-mm-dd)');
    expect(
      md({ kind: 'type', label: 'When', value: '11/24/2026', control: { type: 'text', format: 'mm/dd/yyyy' } }),
    ).toBe('Type `11/24/2026` into **When** (format mm/dd/yyyy)');
    expect(
      md({
        kind: 'choose',
        label: 'Category',
        value: 'Travel',
        control: { type: 'select', options: ['Meals', 'Travel'] },
      }),
    ).toBe('Choose **Travel** in **Category** (a dropdown: Meals, Travel)');
    expect(
      md({
        kind: 'choose',
        label: 'Country',
        value: 'Chad',
        control: { type: 'select', options: ['Chad'], optionCount: 190 },
      }),
    ).toBe('Choose **Chad** in **Country** (a dropdown of 190 options: Chad, …)');
    expect(md({ kind: 'toggle', label: 'I agree', value: 'checked', control: { type: 'checkbox' } })).toBe(
      'Check the **I agree** checkbox',
    );
    expect(md({ kind: 'toggle', label: 'Receipt', value: 'unchecked', control: { type: 'checkbox' } })).toBe(
      'Uncheck the **Receipt** checkbox',
    );
    expect(md({ kind: 'toggle', label: 'Express', value: 'checked', control: { type: 'radio' } })).toBe(
      'Select the **Express** option',
    );
  });

  it('writes options and formats read from a page as text, never as Markdown', () => {
    const hostile = ['**bold**', '[x](javascript:alert(1))', '<img src=x>'];
    const text = md({ kind: 'choose', label: 'Pick', value: 'a', control: { type: 'select', options: hostile } });
    const html = new MarkdownIt().renderInline(text);
    expect(html).not.toMatch(/<(img|a |strong>bold)/);
    expect(html).toContain('**bold**');
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

  it('reads a paragraph that came faster than anyone types as content that appeared, not typing', () => {
    // A window opened by a click: 56 letters in half a second.
    const paragraph = 'Four checkbuttons are displayed below. If you click on a';
    expect(md({ kind: 'visual', label: 'Check-buttons', appeared: paragraph, durationMs: 500 })).toBe(
      'Click **Check-buttons**',
    );
    // The same text typed at a person's pace (about ten characters a second) is typing.
    expect(md({ kind: 'visual', label: 'Notes', appeared: paragraph, durationMs: 5600 })).toBe(
      `Type \`${paragraph}\` into **Notes**`,
    );
  });

  it('says that typing seen as pixels was submitted with Enter, as typing with events does', () => {
    expect(
      md({ kind: 'visual', label: 'What needs to be done?', appeared: 'Buy milk', durationMs: 900, thenKey: 'Enter' }),
    ).toBe('Type `Buy milk` into **What needs to be done?**, then press **Enter**');
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

describe('cameAtOnce', () => {
  it("is a window's worth of text in less than a second, not a field's value typed in the time", () => {
    const window = 'Four checkbuttons are displayed below. If you click on a button, it will toggle its state.';
    expect(cameAtOnce(window, 834)).toBe(true);
    expect(cameAtOnce(window, 120)).toBe(true);
    // The same text typed at a typist's pace, and a short value typed quickly, came as typing.
    expect(cameAtOnce(window, 8000)).toBe(false);
    expect(cameAtOnce('Buy milk 1 item left All Active Completed', 900)).toBe(false);
    expect(cameAtOnce(undefined, 500)).toBe(false);
  });
});
