/**
 * Turns generated files into a zip, after checking them: a skill that breaks
 * a rule is refused with the reasons, never written.
 */
import { validateSkill, type SkillIssue } from '../skill/validate';
import type { OutputFile } from './types';

export class InvalidSkillError extends Error {
  readonly issues: SkillIssue[];
  constructor(issues: SkillIssue[]) {
    super(
      `The skill breaks ${issues.length === 1 ? 'a rule' : `${issues.length} rules`}: ${issues.map((i) => i.message).join(' ')}`,
    );
    this.name = 'InvalidSkillError';
    this.issues = issues;
  }
}

export async function toBytes(files: readonly OutputFile[]): Promise<Map<string, Uint8Array>> {
  const encoder = new TextEncoder();
  const bytes = new Map<string, Uint8Array>();
  for (const file of files) {
    bytes.set(
      file.path,
      typeof file.data === 'string' ? encoder.encode(file.data) : new Uint8Array(await file.data.arrayBuffer()),
    );
  }
  return bytes;
}

export async function zipFiles(files: ReadonlyMap<string, Uint8Array>): Promise<Blob> {
  // Loaded on first use: the app's first screen does not need it.
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  // A fixed date keeps the zip the same for the same skill.
  const date = new Date(Date.UTC(2020, 0, 1));
  for (const [path, data] of files) zip.file(path, data, { date, binary: true });
  return zip.generateAsync({ type: 'blob', mimeType: 'application/zip', compression: 'DEFLATE' });
}

/** The skill's zip, or InvalidSkillError with every rule it breaks. */
export async function zipSkill(files: ReadonlyMap<string, Uint8Array>): Promise<Blob> {
  const errors = validateSkill(files).filter((issue) => issue.severity === 'error');
  if (errors.length > 0) throw new InvalidSkillError(errors);
  return zipFiles(files);
}
