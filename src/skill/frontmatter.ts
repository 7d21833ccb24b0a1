/**
 * The YAML frontmatter of a SKILL.md. It is parsed as YAML (../shared/yaml),
 * and held to the flat shape skills installers can read with simple line
 * parsers (`npx skills add` reads `key: value` lines): top-level strings, one
 * level of nested string maps such as `metadata`, one line per value, and any
 * value holding YAML syntax quoted. Written with every string double-quoted,
 * so no value can break the YAML.
 */
import { parseYaml, yamlString, YamlError } from '../shared/yaml';
import { isRecord } from '../shared/records';

export type FrontmatterValue = string | Record<string, string>;

export interface Frontmatter {
  data: Record<string, FrontmatterValue>;
  body: string;
  errors: string[];
}

/** Characters that cannot start a plain (unquoted) YAML scalar. */
const INDICATORS = /^[-?:,[\]{}#&*!|>%@`]/;

export function parseFrontmatter(text: string): Frontmatter {
  const data: Record<string, FrontmatterValue> = {};
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    return { data, body: text, errors: ['SKILL.md must start with YAML frontmatter between two "---" lines'] };
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) return { data, body: text, errors: ['The frontmatter has no closing "---" line'] };
  const body = lines.slice(end + 1).join('\n');
  const block = lines.slice(1, end);

  // Line readers first: YAML that they would misread is refused even where YAML itself is fine.
  const errors = block.flatMap((line, index) => flatLineProblems(line, `frontmatter line ${index + 2}`));
  if (errors.length > 0) return { data, body, errors };
  let parsed: unknown;
  try {
    parsed = parseYaml(block.join('\n'), { scalars: 'strings', firstLine: 2 });
  } catch (error) {
    const message = error instanceof YamlError ? `frontmatter ${error.message}` : String(error);
    return { data, body, errors: [message] };
  }
  if (parsed === null || parsed === undefined) return { data, body, errors };
  if (!isRecord(parsed)) return { data, body, errors: ['The frontmatter must be "key: value" lines'] };
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'string') data[key] = value;
    else if (isRecord(value) && Object.values(value).every((v) => typeof v === 'string')) {
      data[key] = value as Record<string, string>;
    } else errors.push(`frontmatter "${key}": use a one-line text value, or "key: value" lines under it`);
  }
  return { data, body, errors };
}

/** What a line parser would misread on one frontmatter line: not `key: value`, a multi-line value, YAML syntax unquoted. */
function flatLineProblems(line: string, where: string): string[] {
  if (line.trim() === '' || line.trim().startsWith('#')) return [];
  const match = /^(\s*)([A-Za-z0-9_-]+):(?:\s+(.*))?$/.exec(line);
  if (!match) return [`${where}: expected "key: value", got "${line.trim()}"`];
  const [, indent = '', key = '', raw = ''] = match;
  const value = raw.trim();
  if (indent.length > 0 && value === '') return [`${where}: "${key}" nests deeper than one level`];
  if (value === '' || value.startsWith('"') || value.startsWith("'")) return [];
  if (value.startsWith('|') || value.startsWith('>')) {
    return [`${where} (${key}): write the value on one line (block scalars are not supported here)`];
  }
  if (INDICATORS.test(value) || value.includes(': ') || value.endsWith(':') || value.includes(' #')) {
    return [`${where} (${key}): the value contains YAML syntax (": ", " #" or a leading symbol) and must be quoted`];
  }
  return [];
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
