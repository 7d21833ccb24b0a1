/**
 * The YAML frontmatter of a SKILL.md: the small subset skills use (top-level
 * `key: value`, one level of nested maps such as `metadata`), read strictly so
 * that what passes here also parses as YAML where the skill is uploaded, and
 * written with every string double-quoted so no value can break the YAML.
 */

export type FrontmatterValue = string | Record<string, string>;

export interface Frontmatter {
  data: Record<string, FrontmatterValue>;
  body: string;
  errors: string[];
}

/** Characters that cannot start a plain (unquoted) YAML scalar. */
const INDICATORS = /^[-?:,[\]{}#&*!|>'"%@`]/;

export function parseFrontmatter(text: string): Frontmatter {
  const errors: string[] = [];
  const data: Record<string, FrontmatterValue> = {};
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    return { data, body: text, errors: ['SKILL.md must start with YAML frontmatter between two "---" lines'] };
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) return { data, body: text, errors: ['The frontmatter has no closing "---" line'] };

  let parent: Record<string, string> | null = null;
  for (const [index, line] of lines.slice(1, end).entries()) {
    const where = `frontmatter line ${index + 2}`;
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const nested = /^\s+/.test(line);
    const match = /^\s*([A-Za-z0-9_-]+):(?:\s+(.*))?$/.exec(line);
    if (!match) {
      errors.push(`${where}: expected "key: value", got "${line.trim()}"`);
      continue;
    }
    const [, key = '', raw = ''] = match;
    if (nested) {
      if (!parent) {
        errors.push(`${where}: indented "${key}" belongs to no key`);
        continue;
      }
      const value = scalar(raw, `${where} (${key})`, errors);
      if (value !== null) parent[key] = value;
      continue;
    }
    if (key in data) errors.push(`${where}: "${key}" appears twice`);
    if (raw.trim() === '') {
      parent = {};
      data[key] = parent;
      continue;
    }
    parent = null;
    const value = scalar(raw, `${where} (${key})`, errors);
    if (value !== null) data[key] = value;
  }
  return { data, body: lines.slice(end + 1).join('\n'), errors };
}

function scalar(raw: string, where: string, errors: string[]): string | null {
  const value = raw.trim();
  if (value.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(value)) {
      errors.push(`${where}: the double-quoted value is not closed`);
      return null;
    }
    try {
      return JSON.parse(value.replace(/\\'/g, "'")) as string;
    } catch {
      errors.push(`${where}: the double-quoted value has an escape YAML does not know`);
      return null;
    }
  }
  if (value.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(value)) {
      errors.push(`${where}: the single-quoted value is not closed`);
      return null;
    }
    return value.slice(1, -1).replace(/''/g, "'");
  }
  if (value.startsWith('|') || value.startsWith('>')) {
    errors.push(`${where}: write the value on one line (block scalars are not supported here)`);
    return null;
  }
  if (INDICATORS.test(value) || value.includes(': ') || value.endsWith(':') || value.includes(' #')) {
    errors.push(`${where}: the value contains YAML syntax (": ", " #" or a leading symbol) and must be quoted`);
    return null;
  }
  return value;
}

/** A double-quoted YAML string: JSON's escaping is valid YAML. */
export function yamlString(value: string): string {
  return JSON.stringify(value);
}

export function writeFrontmatter(data: Record<string, FrontmatterValue>): string {
  const lines = ['---'];
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string') {
      lines.push(`${key}: ${yamlString(value)}`);
    } else {
      lines.push(`${key}:`);
      for (const [sub, subValue] of Object.entries(value)) lines.push(`  ${sub}: ${yamlString(subValue)}`);
    }
  }
  lines.push('---');
  return lines.join('\n') + '\n';
}
