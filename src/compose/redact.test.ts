import { describe, expect, it } from 'vitest';
import { findSensitive, isSensitive, maskSensitive } from './redact';

const kinds = (text: string) => findSensitive(text).map((m) => m.kind);

describe('redaction', () => {
  it('finds emails, phone numbers, card numbers, IBANs and keys', () => {
    expect(kinds('Contact ada.lovelace@example.co.uk today')).toEqual(['email']);
    expect(kinds('Call +44 20 7946 0958 or (555) 123-4567')).toEqual(['phone', 'phone']);
    expect(kinds('Card 4111 1111 1111 1111')).toEqual(['card']);
    expect(kinds('IBAN GB82 WEST 1234 5698 7654 32')).toEqual(['iban']);
    expect(kinds('key sk-proj-AbCdEf1234567890XyZ')).toEqual(['secret']);
    expect(kinds('token ghp_16C7e42F292c6912E7710c838347Ae178B4a')).toEqual(['secret']);
    expect(kinds('id 9f8e7d6c5b4a39281706f5e4d3c2b1a0')).toEqual(['secret']);
  });

  it('finds e-mail addresses among others, beside punctuation and other @s', () => {
    expect(maskSensitive('a@b mail: (bob+x@mail.example.org), me@x.io; @handle @@ x@y')).toBe(
      'a@b mail: (••••), ••••; @handle @@ x@y',
    );
  });

  it('reads long hostile text in one pass (every detector), whatever repeats in it', { timeout: 10_000 }, () => {
    // A pattern tried at every start of a long run costs seconds at 40 000 characters, minutes at these sizes.
    for (const unit of ['a', '1', 'a.', 'a@', '+1 ', '1 ', 'AB12', '(12) ', 'a1', '1-', 'sk-', 'a-', 'x@a.']) {
      const text = unit.repeat(Math.ceil(400_000 / unit.length));
      expect(() => maskSensitive(text)).not.toThrow();
    }
  });

  it('leaves ordinary UI text alone', () => {
    for (const text of [
      'New ticket',
      'Printer jam on floor 3',
      'Saved at 10:04',
      'Order 1234 5678', // too short for a card
      '4111 1111 1111 1112', // fails the Luhn check
      'GB00 WEST 1234 5698 7654 32', // fails the IBAN check
      'Version 2026.11.25',
      'internationalization-and-localization', // long, but no digits
    ]) {
      expect(isSensitive(text), text).toBe(false);
    }
  });

  it('masks only the sensitive parts', () => {
    expect(maskSensitive('Send to bob@example.com with key sk-live-9aZ8bY7cX6dW5eV4')).toBe(
      'Send to •••• with key ••••',
    );
  });
});
