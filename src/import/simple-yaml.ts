/**
 * The YAML that configuration files like pack2skill's `config.yaml` use: nested
 * maps by indentation, scalars (quoted or plain, numbers, booleans, null),
 * comments. Anchors, flow collections and block scalars are refused with the
 * line they are on, never guessed at.
 */
export type YamlValue = string | number | boolean | null | YamlMap;
export interface YamlMap {
  [key: string]: YamlValue;
}

export class YamlError extends Error {
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'YamlError';
  }
}

export function parseSimpleYaml(text: string): YamlMap {
  const root: YamlMap = {};
  // Open maps, innermost last: the indentation of the key that owns each, and of its children.
  const stack: { owner: number; children?: number; map: YamlMap }[] = [{ owner: -1, map: root }];
  let pendingKey: { map: YamlMap; key: string; indent: number } | null = null;
  for (const [index, rawLine] of text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .entries()) {
    const lineNumber = index + 1;
    const line = stripComment(rawLine);
    if (line.trim() === '' || line.trim() === '---') continue;
    if (/^\t/.test(rawLine)) throw new YamlError(lineNumber, 'tabs cannot indent YAML');
    const indent = line.length - line.trimStart().length;
    const match = /^([A-Za-z0-9_.-]+|"[^"]*"|'[^']*'):(?:\s+(.*))?$/.exec(line.trim());
    if (!match) throw new YamlError(lineNumber, `expected "key: value", got "${line.trim()}"`);
    const key = match[1]!.replace(/^["']|["']$/g, '');
    const raw = (match[2] ?? '').trim();
    if (pendingKey) {
      // The key before had no value: a deeper line opens its map, anything else leaves it empty.
      if (indent > pendingKey.indent) {
        const map: YamlMap = {};
        pendingKey.map[pendingKey.key] = map;
        stack.push({ owner: pendingKey.indent, map });
      } else pendingKey.map[pendingKey.key] = null;
      pendingKey = null;
    }
    while (stack.length > 1 && indent <= stack.at(-1)!.owner) stack.pop();
    const parent = stack.at(-1)!;
    parent.children ??= indent;
    if (indent !== parent.children) throw new YamlError(lineNumber, 'the indentation does not match the lines above');
    if (raw === '') {
      pendingKey = { map: parent.map, key, indent };
      continue;
    }
    parent.map[key] = scalar(raw, lineNumber);
  }
  if (pendingKey) pendingKey.map[pendingKey.key] = null;
  return root;
}

function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i).trimEnd();
  }
  return line.trimEnd();
}

function scalar(raw: string, line: number): YamlValue {
  if (raw.startsWith('"')) {
    try {
      return JSON.parse(raw) as string;
    } catch {
      throw new YamlError(line, 'the double-quoted value is not closed');
    }
  }
  if (raw.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(raw)) throw new YamlError(line, 'the single-quoted value is not closed');
    return raw.slice(1, -1).replace(/''/g, "'");
  }
  if (/^[[{&*!|>]/.test(raw)) throw new YamlError(line, `"${raw}" uses YAML that is not supported here`);
  if (/^(true|yes|on)$/i.test(raw)) return true;
  if (/^(false|no|off)$/i.test(raw)) return false;
  if (/^(null|~)$/i.test(raw)) return null;
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(raw)) return Number(raw);
  return raw;
}
