/**
 * YAML, read with the `yaml` library: one parser for configuration files and
 * skill frontmatter. Errors name the line, counted from `firstLine`.
 */
import { parseDocument } from 'yaml';

export class YamlError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'YamlError';
    this.line = line;
  }
}

export interface YamlOptions {
  /**
   * `strings` keeps every scalar a string as written (`version: 1.0` stays
   * "1.0"): skill frontmatter. `python` reads booleans, numbers and null as
   * PyYAML (YAML 1.1) does: files written for the earlier Python tools.
   */
  scalars: 'strings' | 'python';
  firstLine?: number;
}

/** The parsed value (maps, lists, scalars), or a YamlError for the first problem. */
export function parseYaml(text: string, options: YamlOptions): unknown {
  try {
    return parse(text, options);
  } catch (error) {
    // The library recurses once per level: thousands of levels ("- - - …", "[[[…") overflow the stack.
    if (error instanceof RangeError) throw new YamlError(options.firstLine ?? 1, 'nested too deeply to read');
    throw error;
  }
}

function parse(text: string, { scalars, firstLine = 1 }: YamlOptions): unknown {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), {
    uniqueKeys: true,
    prettyErrors: true,
    ...(scalars === 'strings' ? { schema: 'failsafe' } : { version: '1.1' }),
  });
  const [problem] = doc.errors;
  if (problem) {
    const line = (problem.linePos?.[0].line ?? 1) + firstLine - 1;
    // The library's message ends with " at line L, column C:" and a code excerpt; the line is ours to say.
    const message = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new YamlError(line, message.charAt(0).toLowerCase() + message.slice(1));
  }
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (error) {
    // Aliases that would expand past the limit (a "billion laughs" file) are refused here.
    throw new YamlError(firstLine, `could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A double-quoted YAML string: JSON's escaping is valid YAML, and the value stays on one line. */
export function yamlString(value: string): string {
  // JSON's escapes are YAML's; JSON leaves NEL, LS, PS (line breaks to YAML 1.1 and to line
  // readers), DEL and the bidirectional controls as they are: they are escaped too.
  return JSON.stringify(value).replace(
    /[\u007f\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
