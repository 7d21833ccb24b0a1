/** What analysis stores per recording, and what the UI shows of it. */
import type { OcrLine, Rect } from '../../../workers/ocr/words';
import type { BurstSettings } from '../../../workers/segment/bursts';
import type { StepKind } from '../../../workers/segment/steps';
import type { TextPart } from '../compose/step-text';

export interface AnalyzedStep {
  id: string;
  start: number;
  end: number;
  kind: StepKind;
  text: TextPart[];
  /** The name of what was acted on, and where it came from. */
  label?: string;
  labelSource?: 'page' | 'ocr';
  value?: string;
  redacted?: boolean;
  key?: string;
  /** Where the action happened, in video pixels. */
  region?: Rect;
  beforeFrameId?: string;
  afterFrameId?: string;
  /** Lines read in and around the region, before and after. */
  ocr?: { before: OcrLine[]; after: OcrLine[] };
  eventCount: number;
}

export type AnalysisStatus = 'running' | 'complete' | 'cancelled' | 'failed';

export interface Analysis {
  recordingId: string;
  updatedAt: number;
  status: AnalysisStatus;
  mode: BurstSettings['mode'];
  /** The app or page in use, as its first screen names it. */
  appName?: string;
  steps: AnalyzedStep[];
  /** Said to the person: e.g. OCR could not load, so labels are missing. */
  warnings: string[];
  timings: { segmentMs: number; ocrMs: number; totalMs: number };
  /** Frame areas read, and how many of them came from the cache (read while recording). */
  ocr: { reads: number; cachedReads: number };
  /** The backend that read the screen (`local`: in this tab). */
  backend: string;
}

export interface AnalysisProgress {
  stage: 'Finding steps' | 'Reading the screen' | 'Done';
  done: number;
  total: number;
}
