/** The skills kept in this browser: listed, downloaded again, renamed, deleted, imported, saved to a folder. */
import type { SkillRecord } from '../storage/db';
import { downloadBlob } from '../shared/download';
import { zipFiles } from '../export/zip';
import { describeError } from '../shared/format';
import { hasFolder, pickDirectory, writeFiles } from '../skill/folder';
import { deleteSkill, importSkillZip, listSkills, renameSkill, saveSkillMarkdown, skillBytes } from '../skill/library';
import type { NoticeState } from './notice.svelte';

export class SkillsState {
  skills = $state.raw<SkillRecord[]>([]);
  readonly #notice: NoticeState;

  constructor(notice: NoticeState) {
    this.#notice = notice;
  }

  async refresh(): Promise<void> {
    try {
      this.skills = await listSkills();
    } catch (error) {
      this.#notice.show('error', `Stored skills could not be read: ${describeError(error)}. Reload to try again.`);
    }
  }

  async download(skill: SkillRecord): Promise<void> {
    try {
      downloadBlob(await zipFiles(await skillBytes(skill)), `${skill.name}.zip`);
    } catch (error) {
      this.#notice.show('error', `The skill could not be zipped: ${describeError(error)}.`);
    }
  }

  async import(file: File): Promise<void> {
    try {
      const { skill, renamedFrom } = await importSkillZip(file);
      this.#notice.show(
        'success',
        renamedFrom
          ? `Imported “${renamedFrom}” as “${skill.name}”: a skill of that name is already stored.`
          : `Imported the skill “${skill.name}”.`,
      );
    } catch (error) {
      this.#notice.show('error', `${file.name} could not be imported. ${describeError(error)}`);
    }
    await this.refresh();
  }

  async rename(skill: SkillRecord, name: string): Promise<boolean> {
    try {
      await renameSkill(skill.id, name.trim());
      await this.refresh();
      return true;
    } catch (error) {
      this.#notice.show('error', `The skill could not be renamed: ${describeError(error)}`);
      return false;
    }
  }

  async saveMarkdown(skill: SkillRecord, markdown: string): Promise<boolean> {
    try {
      await saveSkillMarkdown(skill.id, markdown);
      await this.refresh();
      this.#notice.show('success', `Saved the SKILL.md of “${skill.name}”.`);
      return true;
    } catch (error) {
      this.#notice.show('error', `SKILL.md was not saved: ${describeError(error)}`);
      return false;
    }
  }

  async remove(skill: SkillRecord): Promise<void> {
    try {
      await deleteSkill(skill.id);
    } catch (error) {
      this.#notice.show('error', `The skill could not be deleted: ${describeError(error)}.`);
    }
    await this.refresh();
  }

  /** Asks for a folder and writes the skill's folder into it (e.g. a project's .claude/skills). */
  async saveToFolder(name: string, files: ReadonlyMap<string, Uint8Array>): Promise<void> {
    const parent = await pickDirectory();
    if (!parent) return; // the person closed the picker
    try {
      if ((await hasFolder(parent, name)) && !confirm(`The chosen folder already has “${name}”. Replace its files?`)) {
        return;
      }
      const count = await writeFiles(parent, files);
      this.#notice.show('success', `Saved “${name}” (${count} files) into the chosen folder.`);
    } catch (error) {
      this.#notice.show('error', `The skill could not be written to the folder: ${describeError(error)}.`);
    }
  }
}
