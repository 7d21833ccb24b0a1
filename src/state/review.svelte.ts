/**
 * Review of the steps on screen: the person's edits (saved as they happen,
 * with undo) and the exports made from them.
 */
import type { OcrPool } from '../analyze/ocr/pool';
import type { Rect } from '../shared/geometry';
import type { Analysis, SkillDraft } from '../analyze/types';
import { downloadBlob } from '../shared/download';
import { defaultDraft } from '../compose/draft';
import { exportManual, exportSkill, type ExportedZip } from '../export/export-skill';
import { InvalidSkillError } from '../export/zip';
import { describeError } from '../shared/format';
import type { FrameRecord } from '../storage/db';
import { getFrame, getRecording } from '../storage/recordings';
import * as edits from '../review/edits';
import { saveExportedSkill, uniqueSkillName } from '../skill/library';
import type { AnalysisState } from './analysis.svelte';
import type { NoticeState } from './notice.svelte';
import type { SkillsState } from './skills.svelte';

/** Edits Undo can take back; each is kept in the stored analysis, so not many more. */
const UNDO_LIMIT = 30;

export class ReviewState {
  /** What an export is doing, for its progress line; null when idle. */
  exporting = $state<string | null>(null);
  readonly #analysis: AnalysisState;
  readonly #notice: NoticeState;
  readonly #ocr: OcrPool;
  readonly #skills: SkillsState;

  constructor(analysis: AnalysisState, notice: NoticeState, ocr: OcrPool, skills: SkillsState) {
    this.#analysis = analysis;
    this.#notice = notice;
    this.#ocr = ocr;
    this.#skills = skills;
  }

  get canUndo(): boolean {
    return Boolean(this.#analysis.result?.undo?.length);
  }

  /** What Undo would take back, for its label ("Undo delete step 3"); empty when nothing. */
  get undoLabel(): string {
    return this.#analysis.result?.undo?.at(-1)?.what ?? '';
  }

  /** The skill's name and description: as edited, else made from the steps. */
  /** The page the recording started on, where page events name it. */
  get startPage(): string | undefined {
    return this.#analysis.result?.start?.url;
  }

  get draft(): SkillDraft | null {
    const result = this.#analysis.result;
    if (!result) return null;
    return result.review ?? defaultDraft(result, this.#analysis.title);
  }

  /** "step 3" for the step with `stepId` in the shown steps. */
  #name(stepId: string): string {
    const index = this.#analysis.result?.steps.findIndex((step) => step.id === stepId) ?? -1;
    return `step ${index + 1}`;
  }

  editText(stepId: string, markdown: string): Promise<void> {
    return this.#apply((a) => edits.editStepText(a, stepId, markdown), `edit of ${this.#name(stepId)}`);
  }
  delete(stepId: string): Promise<void> {
    return this.#apply((a) => edits.deleteStep(a, stepId), `delete ${this.#name(stepId)}`);
  }
  move(stepId: string, toIndex: number): Promise<void> {
    return this.#apply((a) => edits.moveStep(a, stepId, toIndex), `move ${this.#name(stepId)}`);
  }
  mergeWithNext(stepId: string): Promise<void> {
    return this.#apply((a) => edits.mergeWithNext(a, stepId), `merge ${this.#name(stepId)}`);
  }
  setParameter(stepId: string, name: string | null): Promise<void> {
    return this.#apply((a) => edits.setParameter(a, stepId, name), `input of ${this.#name(stepId)}`);
  }
  markBox(stepId: string, box: Rect): Promise<void> {
    return this.#apply((a) => edits.markBox(a, stepId, box), `marked box of ${this.#name(stepId)}`);
  }
  addBlur(stepId: string, box: Rect): Promise<void> {
    return this.#apply((a) => edits.addBlur(a, stepId, box), `blur in ${this.#name(stepId)}`);
  }
  clearBlurs(stepId: string): Promise<void> {
    return this.#apply((a) => edits.clearBlurs(a, stepId), `blurs of ${this.#name(stepId)}`);
  }
  /** Starts (or renames) a section at the step; `null` ends it there. */
  setSection(stepId: string, title: string | null): Promise<void> {
    return this.#apply(
      (a) => edits.setSection(a, stepId, title),
      title === null ? `section removal at ${this.#name(stepId)}` : `section at ${this.#name(stepId)}`,
    );
  }
  setDraft(draft: SkillDraft): Promise<void> {
    return this.#apply((a) => edits.setDraft(a, draft), null);
  }

  /** A stored key frame of the shown steps, for their screenshots. */
  frame(frameId: string): Promise<FrameRecord | undefined> {
    return getFrame(frameId);
  }

  async undo(): Promise<void> {
    const current = this.#analysis.result;
    const previous = current?.undo?.at(-1);
    if (!current || !previous || this.#analysis.running) return;
    await this.#store(edits.restore(current, previous));
  }

  /** Makes the skill (kept in the library too) and downloads it, or writes it into a chosen folder. */
  async downloadSkill(to: 'download' | 'folder' = 'download'): Promise<void> {
    const result = this.#analysis.result;
    let draft = this.draft;
    if (!result || !draft || this.exporting) return;
    // A name is a folder: a second skill of the same name would overwrite the first.
    const ownId = `recording-${result.recordingId}`;
    const unique = await uniqueSkillName(draft.name, ownId);
    const renamed = unique !== draft.name ? draft.name : null;
    if (renamed) {
      draft = { ...draft, name: unique };
      await this.setDraft(draft);
    }
    const exported = await this.#export(exportSkill, 'the skill', draft);
    if (!exported) return;
    await saveExportedSkill(result.recordingId, draft.name, draft.description, exported.files);
    await this.#skills.refresh();
    const note = renamed ? ` A skill called “${renamed}” already exists, so this one is “${draft.name}”.` : '';
    if (to === 'folder') {
      await this.#skills.saveToFolder(draft.name, exported.files);
      return;
    }
    downloadBlob(exported.zip, exported.fileName);
    this.#notice.show(
      'success',
      `Skill saved as ${exported.fileName}.${note} Upload it to Claude as a skill, or unzip it into a skills folder.`,
    );
  }

  async downloadManual(): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    const exported = await this.#export(exportManual, 'the manual', draft);
    if (!exported) return;
    downloadBlob(exported.zip, exported.fileName);
    this.#notice.show(
      'success',
      `Manual saved as ${exported.fileName}. Open index.html in it; print it from the browser for a PDF.`,
    );
  }

  async #export(make: typeof exportSkill, what: string, draft: SkillDraft): Promise<ExportedZip | null> {
    const result = this.#analysis.result;
    if (!result || this.exporting) return null;
    this.exporting = `Preparing ${what}`;
    try {
      const recordedAt = (await getRecording(result.recordingId))?.createdAt ?? result.updatedAt;
      return await make(result, draft, recordedAt, this.#ocr, (step, total) => {
        this.exporting = `Preparing screenshots: ${step} of ${total}`;
      });
    } catch (error) {
      this.#notice.show(
        'error',
        error instanceof InvalidSkillError
          ? `${error.message} Fix this in the review, then try again.`
          : `${what.charAt(0).toUpperCase()}${what.slice(1)} could not be made: ${describeError(error)}. Your steps are kept.`,
      );
      return null;
    } finally {
      this.exporting = null;
    }
  }

  /** Applies an edit to the shown analysis and saves it; with `what` (said by Undo) it can be undone. */
  async #apply(edit: (analysis: Analysis) => Analysis, what: string | null): Promise<void> {
    const current = this.#analysis.result;
    if (!current || this.#analysis.running) return;
    const next = edit(current);
    if (next === current) return;
    await this.#store(what ? edits.remember(next, current, what, UNDO_LIMIT) : next);
  }

  async #store(next: Analysis): Promise<void> {
    try {
      // A plain copy: a state proxy that slipped into an edit (a box drawn in a component)
      // cannot be stored, and would make this and every later save of the analysis fail.
      await this.#analysis.update($state.snapshot(next) as Analysis);
    } catch (error) {
      this.#notice.show(
        'error',
        `Your edit could not be saved: ${describeError(error)}. It is shown but will be lost on reload.`,
      );
    }
  }
}
