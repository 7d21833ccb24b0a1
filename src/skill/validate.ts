/**
 * The Agent Skill rules (DESIGN.md §5) and the zip limits, checked on the
 * files of a skill as they will be zipped. The exporter refuses to write a zip
 * with any error; the tests validate every generated skill with this too.
 */
import { isUnsafeTarget, scanMarkdown } from './markdown-scan';
import { parseFrontmatter } from './frontmatter';

export const NAME_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_NAME = 64;
export const MAX_DESCRIPTION = 1024;
export const MAX_COMPATIBILITY = 500;
export const MAX_BODY_LINES = 500;
export const MAX_FILES = 200;
export const MAX_BYTES = 8 * 1024 * 1024;
/** A reference longer than this needs a table of contents. */
export const TOC_AFTER_LINES = 100;
export const ALLOWED_KEYS = ['name', 'description', 'license', 'compatibility', 'metadata', 'allowed-tools'];

export interface SkillIssue {
  severity: 'error' | 'warning';
  /** The file concerned, relative to the zip's root. */
  file?: string;
  message: string;
}

/** Problems with a skill name; empty when it is valid. */
export function nameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length === 0) problems.push('The name is empty.');
  if (name.length > MAX_NAME) problems.push(`The name is ${name.length} characters; at most ${MAX_NAME}.`);
  if (name.length > 0 && !NAME_PATTERN.test(name)) {
    problems.push('The name may use only lowercase letters, digits and single hyphens between words.');
  }
  if (/claude|anthropic/.test(name)) problems.push('The name must not contain "claude" or "anthropic".');
  return problems;
}

/** Problems with a skill description; empty when it is valid. */
export function descriptionProblems(description: string): string[] {
  const problems: string[] = [];
  if (description.trim().length === 0) problems.push('The description is empty.');
  if (description.length > MAX_DESCRIPTION) {
    problems.push(`The description is ${description.length} characters; at most ${MAX_DESCRIPTION}.`);
  }
  if (/[<>]/.test(description)) problems.push('The description must not contain "<" or ">".');
  return problems;
}

/** Advice on a description that is valid but weak (said beside the field, not blocking). */
export function descriptionAdvice(description: string): string[] {
  const advice: string[] = [];
  if (!/\buse (it )?when\b/i.test(description)) advice.push('Say when to use it: "… Use when …".');
  if (/^\s*(I|We|You)\b/.test(description)) advice.push('Write in the third person ("Creates …", not "I create …").');
  return advice;
}

/** `files`: path in the zip → content (text or bytes). */
export function validateSkill(files: ReadonlyMap<string, string | Uint8Array>): SkillIssue[] {
  const issues: SkillIssue[] = [];
  const error = (message: string, file?: string) =>
    issues.push({ severity: 'error', message, ...(file ? { file } : {}) });
  const paths = [...files.keys()].filter((path) => !path.endsWith('/'));

  const roots = new Set(paths.map((path) => path.split('/')[0]));
  const looseFiles = paths.filter((path) => !path.includes('/'));
  if (looseFiles.length > 0) {
    error(`Files lie at the root of the zip (${looseFiles.join(', ')}): it must hold one folder only.`);
  }
  const folders = [...new Set(paths.filter((path) => path.includes('/')).map((path) => path.split('/')[0]!))];
  if (roots.size !== 1) {
    // Folders and loose files are named for what they are.
    if (folders.length !== 1) {
      error(
        `The zip must hold exactly one folder; it holds ${folders.length}${folders.length ? `: ${folders.join(', ')}` : ''}.`,
      );
    }
    return issues;
  }
  const folder = [...roots][0]!;
  if (paths.length > MAX_FILES) error(`The skill has ${paths.length} files; at most ${MAX_FILES}.`);
  const bytes = paths.reduce((sum, path) => sum + byteLength(files.get(path)!), 0);
  if (bytes > MAX_BYTES) {
    // Nothing more is read: the rest would only take time on text too big to be a skill.
    error(`The skill is ${(bytes / 1024 / 1024).toFixed(1)} MB uncompressed; at most 8 MB.`);
    return issues;
  }

  const skillPath = `${folder}/SKILL.md`;
  const skill = files.get(skillPath);
  if (skill === undefined) {
    error(`There is no SKILL.md directly inside "${folder}/".`);
    return issues;
  }
  const { data, body, errors } = parseFrontmatter(asText(skill));
  for (const message of errors) error(message, skillPath);
  for (const key of Object.keys(data)) {
    if (!ALLOWED_KEYS.includes(key)) {
      error(
        `The frontmatter key "${key}" is not allowed (allowed: ${ALLOWED_KEYS.join(', ')})${key === 'version' ? '; put the version in metadata.version' : ''}.`,
        skillPath,
      );
    }
  }
  const name = data['name'];
  if (typeof name !== 'string') error('The frontmatter has no name.', skillPath);
  else {
    for (const message of nameProblems(name)) error(message, skillPath);
    if (name !== folder) error(`The name "${name}" differs from its folder "${folder}".`, skillPath);
  }
  const description = data['description'];
  if (typeof description !== 'string') error('The frontmatter has no description.', skillPath);
  else for (const message of descriptionProblems(description)) error(message, skillPath);
  const compatibility = data['compatibility'];
  if (compatibility !== undefined && (typeof compatibility !== 'string' || compatibility.length > MAX_COMPATIBILITY)) {
    error(`compatibility must be a string of at most ${MAX_COMPATIBILITY} characters.`, skillPath);
  }
  if (data['metadata'] !== undefined && typeof data['metadata'] === 'string') {
    error('metadata must be a map of keys to values.', skillPath);
  }
  const bodyLines = body.split('\n').length;
  if (bodyLines >= MAX_BODY_LINES) error(`The body is ${bodyLines} lines; keep it under ${MAX_BODY_LINES}.`, skillPath);

  for (const path of paths) {
    const inner = path.slice(folder.length + 1);
    if (inner.startsWith('references/') && inner.split('/').length > 2) {
      error('References must lie directly in references/ (one level deep).', path);
    }
    if (!path.endsWith('.md')) continue;
    const text = asText(files.get(path)!);
    // SKILL.md's frontmatter is YAML, not Markdown: its body is scanned, lines counted from the file's top.
    const markdown = path === skillPath ? body : text;
    const offset = path === skillPath ? text.split('\n').length - body.split('\n').length : 0;
    const { links, html } = scanMarkdown(markdown);
    for (const { line: bodyLine, text: target } of links) {
      const line = bodyLine + offset;
      const shown = target.length > 60 ? `${target.slice(0, 59)}…` : target;
      if (isUnsafeTarget(target)) {
        error(
          `Line ${line}: the link "${shown}" would run code or carry its own content; link only to the skill's files or to web pages.`,
          path,
        );
        continue;
      }
      if (/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(target)) continue; // a URL, an anchor
      const resolved = resolve(path, target);
      if (resolved === undefined) error(`Line ${line}: the link "${shown}" is not a valid address.`, path);
      else if (!resolved || !files.has(resolved))
        error(`Line ${line}: the link "${shown}" leads to no file in the skill.`, path);
    }
    for (const { line: bodyLine, text: tag } of html) {
      const line = bodyLine + offset;
      error(
        `Line ${line}: raw HTML (${tag}…) is not allowed in a skill; write it as text (escape "<" as "\\<").`,
        path,
      );
    }
    if (
      inner.startsWith('references/') &&
      text.split('\n').length > TOC_AFTER_LINES &&
      !/^#+\s*(table of )?contents\b/im.test(text)
    ) {
      error(`A reference over ${TOC_AFTER_LINES} lines needs a "Contents" section.`, path);
    }
  }
  return issues;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const byteLength = (content: string | Uint8Array) =>
  typeof content === 'string' ? encoder.encode(content).length : content.length;
const asText = (content: string | Uint8Array) => (typeof content === 'string' ? content : decoder.decode(content));

/** Targets of Markdown links and images that point inside the skill. */
export function relativeLinks(markdown: string): string[] {
  return scanMarkdown(markdown)
    .links.map((link) => link.text)
    .filter((target) => !/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(target));
}

/**
 * `target` relative to the file at `from`, as a zip path; null when it climbs out of
 * the zip; undefined when it is not a valid address (a malformed %-escape).
 */
function resolve(from: string, target: string): string | null | undefined {
  let path: string;
  try {
    path = decodeURIComponent(target.split('#')[0]!);
  } catch {
    return undefined;
  }
  const parts = from.split('/').slice(0, -1);
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}
