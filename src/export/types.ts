/** What every output generator (skill, manual) takes and gives. */
import type { Analysis, SkillDraft } from '../analyze/types';

export interface OutputFile {
  /** Path inside the zip, `/`-separated. */
  path: string;
  data: string | Blob;
}

export interface GeneratorInput {
  analysis: Analysis;
  draft: SkillDraft;
  /** When the recording was made (ms since the epoch). */
  recordedAt: number;
  /** A step's screenshot as exported: the region marked, sensitive text blurred. */
  screenshot: (step: Analysis['steps'][number]) => Promise<Blob | null>;
}

export interface OutputGenerator {
  id: 'skill' | 'manual';
  generate(input: GeneratorInput): Promise<OutputFile[]>;
}
