/**
 * Reads a Python literal — what `str(dict)` writes: dicts, lists, tuples,
 * strings in either quotes with escapes, numbers, True, False, None — without
 * evaluating anything. JSON is accepted too (it is almost a subset).
 */
export type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

export class LiteralError extends Error {
  constructor(message: string, at: number) {
    super(`${message} at character ${at + 1}`);
    this.name = 'LiteralError';
  }
}

/** Deeper than this is not a log line: refused before the call stack runs out. */
const MAX_DEPTH = 100;
const WORD = /(True|False|None|true|false|null)\b/y;
const NUMBER = /[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/y;

export function parsePythonLiteral(text: string): PyValue {
  let i = 0;
  let depth = 0;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const value = (): PyValue => {
    skip();
    const char = text[i];
    if (char === '{' || char === '[' || char === '(') {
      if (++depth > MAX_DEPTH) throw new LiteralError(`nested deeper than ${MAX_DEPTH} levels`, i);
      const nested = char === '{' ? dict() : list(char === '[' ? ']' : ')');
      depth--;
      return nested;
    }
    if (char === "'" || char === '"') return string();
    // Read where the parser stands (sticky), not on a copy of the rest: a long line stays linear.
    WORD.lastIndex = i;
    const word = WORD.exec(text);
    if (word) {
      i += word[0].length;
      return word[0] === 'True' || word[0] === 'true'
        ? true
        : word[0] === 'False' || word[0] === 'false'
          ? false
          : null;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number) {
      i += number[0].length;
      const parsed = Number(number[0]);
      // 1e999 is Infinity: no time, size or place is, and it would break what it reaches.
      if (!Number.isFinite(parsed)) throw new LiteralError('number out of range', i - number[0].length);
      return parsed;
    }
    throw new LiteralError(`unexpected ${char === undefined ? 'end' : `"${char}"`}`, i);
  };
  const expect = (char: string) => {
    skip();
    if (text[i] !== char) throw new LiteralError(`expected "${char}"`, i);
    i++;
  };
  const dict = (): { [key: string]: PyValue } => {
    const out: { [key: string]: PyValue } = {};
    // Keys become own properties, "__proto__" included: a key never reaches the prototype.
    const set = (key: string, item: PyValue) =>
      Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    i++; // {
    skip();
    while (text[i] !== '}') {
      const key = value();
      expect(':');
      set(String(key), value());
      skip();
      if (text[i] === ',') i++;
      else if (text[i] !== '}') throw new LiteralError('expected "," or "}"', i);
      skip();
    }
    i++;
    return out;
  };
  const list = (close: string): PyValue[] => {
    const out: PyValue[] = [];
    i++;
    skip();
    while (text[i] !== close) {
      out.push(value());
      skip();
      if (text[i] === ',') i++;
      else if (text[i] !== close) throw new LiteralError(`expected "," or "${close}"`, i);
      skip();
    }
    i++;
    return out;
  };
  const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
  const string = (): string => {
    const quote = text[i]!;
    i++;
    let out = '';
    while (i < text.length && text[i] !== quote) {
      if (text[i] === '\\') {
        const next = text[i + 1] ?? '';
        if (next === 'x' || next === 'u') {
          const length = next === 'x' ? 2 : 4;
          const hex = text.slice(i + 2, i + 2 + length);
          if (!/^[0-9a-f]+$/i.test(hex) || hex.length !== length) throw new LiteralError('bad escape', i);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 2 + length;
        } else {
          out += ESCAPES[next] ?? `\\${next}`;
          i += 2;
        }
      } else out += text[i++];
    }
    if (text[i] !== quote) throw new LiteralError('unclosed string', i);
    i++;
    return out;
  };
  const result = value();
  skip();
  if (i < text.length) throw new LiteralError('unexpected text after the value', i);
  return result;
}
