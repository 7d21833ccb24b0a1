/**
 * Skills kept in IndexedDB (`skills`): each export is saved there, and a
 * skill zip can be imported. Names are unique: a skill's name is its folder,
 * and two skills of one name would overwrite each other in a skills folder.
 */
import type { SkillRecord } from '../storage/db';
import { openDatabase } from '../storage/db';
import { parseFrontmatter, writeFrontmatter, type FrontmatterValue } from './frontmatter';
import { MAX_BYTES, MAX_FILES, nameProblems, validateSkill, type SkillIssue } from './validate';
import { unzip, ZipFormatError, ZipLimitError } from '../shared/zip-reader';

export async function listSkills(): Promise<SkillRecord[]> {
  const skills = await (await openDatabase()).getAll('skills');
  return skills.sort((a, b) => b.updatedAt - a.updatedAt);
}

/** `name`, or `name-2`, `name-3`… when another skill (not `ownId`) has it. */
export async function uniqueSkillName(name: string, ownId?: string): Promise<string> {
  const taken = new Set((await listSkills()).filter((s) => s.id !== ownId).map((s) => s.name));
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${name.slice(0, 64 - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The skill exported from a recording (one per recording: a new export replaces it). */
export async function saveExportedSkill(
  recordingId: string,
  name: string,
  description: string,
  files: ReadonlyMap<string, Uint8Array>,
): Promise<SkillRecord> {
  const record: SkillRecord = {
    id: `recording-${recordingId}`,
    name,
    description,
    recordingId,
    updatedAt: Date.now(),
    files: toBlobs(files),
  };
  await (await openDatabase()).put('skills', record);
  return record;
}

export class SkillImportError extends Error {
  readonly issues: SkillIssue[];
  constructor(message: string, issues: SkillIssue[] = []) {
    super(message);
    this.name = 'SkillImportError';
    this.issues = issues;
  }
}

/** Reads a skill zip, checks it, and stores it (renamed if its name is taken). */
export async function importSkillZip(zip: Blob): Promise<{ skill: SkillRecord; renamedFrom?: string }> {
  let files: Map<string, Uint8Array>;
  try {
    files = await unzipSkill(zip);
  } catch (error) {
    if (error instanceof ZipFormatError || error instanceof ZipLimitError) throw new SkillImportError(error.message);
    throw new SkillImportError(
      `This zip could not be read (${error instanceof Error ? error.message : String(error)}). Nothing was added.`,
    );
  }
  // Zips made by hand often carry the OS's extra files; they are not part of the skill.
  for (const path of [...files.keys()]) if (/(^|\/)(__MACOSX|\.DS_Store)(\/|$)/.test(path)) files.delete(path);
  const errors = validateSkill(files).filter((issue) => issue.severity === 'error');
  if (errors.length > 0) {
    // Each problem a sentence of its own, whatever its message ends with.
    const sentences = errors.map((e) => (/[.!?]$/.test(e.message) ? e.message : `${e.message}.`));
    throw new SkillImportError(`This is not a valid skill: ${sentences.join(' ')}`, errors);
  }
  const folder = [...files.keys()][0]!.split('/')[0]!;
  const { data } = parseFrontmatter(new TextDecoder().decode(files.get(`${folder}/SKILL.md`)));
  const description = typeof data['description'] === 'string' ? data['description'] : '';
  const name = await uniqueSkillName(folder);
  const renamed = name === folder ? files : renameFiles(files, folder, name);
  const skill: SkillRecord = {
    id: `import-${crypto.randomUUID()}`,
    name,
    description,
    updatedAt: Date.now(),
    files: toBlobs(renamed),
  };
  await (await openDatabase()).put('skills', skill);
  return name === folder ? { skill } : { skill, renamedFrom: folder };
}

/** Renames a stored skill: its folder and the name in its SKILL.md. */
export async function renameSkill(id: string, newName: string): Promise<SkillRecord> {
  const problems = nameProblems(newName);
  if (problems.length > 0) throw new SkillImportError(problems.join(' '));
  const db = await openDatabase();
  const skill = await db.get('skills', id);
  if (!skill) throw new SkillImportError('This skill is no longer stored.');
  if ((await uniqueSkillName(newName, id)) !== newName) {
    throw new SkillImportError(`Another skill is already called “${newName}”.`);
  }
  const files = renameFiles(await skillBytes(skill), skill.name, newName);
  const renamed: SkillRecord = { ...skill, name: newName, updatedAt: Date.now(), files: toBlobs(files) };
  await db.put('skills', renamed);
  return renamed;
}

/** The text of a stored skill's SKILL.md. */
export async function skillMarkdown(skill: SkillRecord): Promise<string> {
  return (await skill.files[`${skill.name}/SKILL.md`]?.text()) ?? '';
}

/** Problems `markdown` would cause as the SKILL.md of `skill` (empty: it can be saved). */
export async function skillMarkdownIssues(skill: SkillRecord, markdown: string): Promise<SkillIssue[]> {
  const files = await skillBytes(skill);
  files.set(`${skill.name}/SKILL.md`, new TextEncoder().encode(markdown));
  return validateSkill(files).filter((issue) => issue.severity === 'error');
}

/** Replaces a stored skill's SKILL.md, if the skill stays valid. */
export async function saveSkillMarkdown(id: string, markdown: string): Promise<SkillRecord> {
  const db = await openDatabase();
  const skill = await db.get('skills', id);
  if (!skill) throw new SkillImportError('This skill is no longer stored.');
  const issues = await skillMarkdownIssues(skill, markdown);
  if (issues.length > 0) throw new SkillImportError(issues.map((i) => i.message).join(' '), issues);
  const { data } = parseFrontmatter(markdown);
  const updated: SkillRecord = {
    ...skill,
    description: typeof data['description'] === 'string' ? data['description'] : skill.description,
    updatedAt: Date.now(),
    files: { ...skill.files, [`${skill.name}/SKILL.md`]: new Blob([markdown], { type: 'text/markdown' }) },
  };
  await db.put('skills', updated);
  return updated;
}

export async function deleteSkill(id: string): Promise<void> {
  await (await openDatabase()).delete('skills', id);
}

export async function skillBytes(skill: SkillRecord): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const [path, blob] of Object.entries(skill.files)) files.set(path, new Uint8Array(await blob.arrayBuffer()));
  return files;
}

/** Moves every file from `from/` to `to/` and sets the name in SKILL.md. */
export function renameFiles(files: ReadonlyMap<string, Uint8Array>, from: string, to: string): Map<string, Uint8Array> {
  const renamed = new Map<string, Uint8Array>();
  for (const [path, data] of files) {
    const newPath = `${to}/${path.slice(from.length + 1)}`;
    if (newPath === `${to}/SKILL.md`) {
      const { data: frontmatter, body } = parseFrontmatter(new TextDecoder().decode(data));
      const updated: Record<string, FrontmatterValue> = { ...frontmatter, name: to };
      renamed.set(newPath, new TextEncoder().encode(writeFrontmatter(updated) + body));
    } else renamed.set(newPath, data);
  }
  return renamed;
}

/**
 * A skill zip's files, refused before unpacking when it lists more files or bytes
 * than a skill may hold (room is left for the OS's extra files, dropped after).
 */
async function unzipSkill(zip: Blob): Promise<Map<string, Uint8Array>> {
  const blobs = await unzip(zip, { maxEntries: 2 * MAX_FILES + 10, maxBytes: MAX_BYTES, what: 'A skill' });
  const files = new Map<string, Uint8Array>();
  for (const [name, blob] of blobs) files.set(name, new Uint8Array(await blob.arrayBuffer()));
  return files;
}

function toBlobs(files: ReadonlyMap<string, Uint8Array>): Record<string, Blob> {
  const blobs: Record<string, Blob> = {};
  for (const [path, data] of files) blobs[path] = new Blob([data as Uint8Array<ArrayBuffer>]);
  return blobs;
}
