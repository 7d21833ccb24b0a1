/**
 * What must not leave in an exported skill or manual: email addresses, phone
 * numbers, card numbers, IBANs, API keys and tokens. Text is masked where it
 * is written; screen text read by OCR tells which boxes of a screenshot to blur.
 */

export type SensitiveKind = 'email' | 'phone' | 'card' | 'iban' | 'secret';

const MASK = '••••';

interface Detector {
  kind: SensitiveKind;
  pattern: RegExp;
  /** A second look at a match, where the pattern alone finds too much. */
  accept?: (match: string) => boolean;
}

const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/uy;

/**
 * E-mail addresses, found from each "@" outwards: the name before it, the domain
 * after it. A pattern that starts anywhere would try every start of a long run of
 * letters (seconds on 40 000 characters); this reads each character a bounded number of times.
 */
function findEmails(text: string): { index: number; text: string }[] {
  const found: { index: number; text: string }[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && LOCAL_CHAR.test(text[start - 1]!)) start--;
    if (start === at || (found.length > 0 && start < found.at(-1)!.index + found.at(-1)!.text.length)) continue;
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text);
    if (domain) found.push({ index: start, text: text.slice(start, at + 1 + domain[0].length) });
  }
  return found;
}

const DETECTORS: Detector[] = [
  {
    kind: 'iban',
    pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g,
    accept: (match) => ibanChecksumOk(match.replace(/ /g, '')),
  },
  { kind: 'card', pattern: /\b\d(?:[ -]?\d){12,18}\b/g, accept: (match) => luhnOk(match.replace(/\D/g, '')) },
  // Keys with a known prefix, then long mixed strings that look machine-made.
  {
    kind: 'secret',
    pattern:
      /\b(?:sk|pk|rk)[-_](?:live|test|proj|ant)?[-_]?[A-Za-z0-9_-]{12,}|\b(?:ghp|gho|ghu|ghs|github_pat|xox[abpr]|AKIA|AIza|ya29\.)[A-Za-z0-9_.-]{10,}|\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+/g,
  },
  {
    kind: 'secret',
    pattern: /\b[A-Za-z0-9_+/=-]{24,}\b/g,
    accept: (match) => /[A-Za-z]/.test(match) && /\d/.test(match) && !/^\d+$/.test(match),
  },
  {
    kind: 'phone',
    pattern: /(?:\+|\b00)\d[\d ()./-]{7,}\d\b|\(\d{2,4}\)[\d ./-]{6,}\d\b|\b\d{3}[-. ]\d{3}[-. ]\d{4}\b/g,
    accept: (match) => match.replace(/\D/g, '').length >= 9,
  },
];

export interface SensitiveMatch {
  kind: SensitiveKind;
  start: number;
  end: number;
}

export function findSensitive(text: string): SensitiveMatch[] {
  const matches: SensitiveMatch[] = findEmails(text).map((m) => ({
    kind: 'email' as const,
    start: m.index,
    end: m.index + m.text.length,
  }));
  for (const { kind, pattern, accept } of DETECTORS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (accept && !accept(match[0])) continue;
      if (matches.some((m) => start < m.end && end > m.start)) continue; // found by an earlier detector
      matches.push({ kind, start, end });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

export function isSensitive(text: string): boolean {
  return findSensitive(text).length > 0;
}

/** `text` with every sensitive part replaced by a mask. */
export function maskSensitive(text: string): string {
  let out = '';
  let at = 0;
  for (const match of findSensitive(text)) {
    out += text.slice(at, match.start) + MASK;
    at = match.end;
  }
  return out + text.slice(at);
}

function luhnOk(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19 || /^(\d)\1+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function ibanChecksumOk(iban: string): boolean {
  if (iban.length < 15 || iban.length > 34) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}
