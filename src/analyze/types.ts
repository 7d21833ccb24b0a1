/** What analysis stores per recording, and what the UI shows of it. */
import type { RuntimeKind } from '../../models/registry';
import type { CloudProvider, CloudStepInfo } from '../cloud/types';
import type { Rect } from '../shared/geometry';
import type { TargetDescriptor } from '../capture/events';
import type { OcrLine } from './ocr/lines';
import type { BurstSettings } from './segment/bursts';
import type { StepKind } from './segment/steps';
import type { StepFacts, TextPart } from '../compose/step-text';

import type { Section, StartPage } from './context';
export interface AnalyzedStep {
  id: string;
  start: number;
  end: number;
  kind: StepKind;
  text: TextPart[];
  /** What the text was written from; kept so it can be written again (with a caption, an edit). */
  facts: StepFacts;
  /** The name of what was acted on, and where it came from. */
  label?: string;
  labelSource?: 'page' | 'ocr';
  /** For a label read from the screen: what on it named the control (said beside the step in review). */
  seen?: LabelBasis;
  value?: string;
  redacted?: boolean;
  key?: string;
  /** Where the action happened, in video pixels. */
  region?: Rect;
  beforeFrameId?: string;
  afterFrameId?: string;
  /** Lines read in and around the region, before and after. */
  ocr?: { before: OcrLine[]; after: OcrLine[] };
  /** What the caption model says the screen shows around the region, after the action. */
  caption?: string;
  /** The person's own words for the step (Markdown), replacing the generated text. */
  editedText?: string;
  /** The typed value is an input of the skill under this name (written `{{name}}`). */
  parameter?: string;
  /**
   * The element acted on, as page events described it (role, name, Recorder-style
   * selectors): what a replay script finds it by. Absent for steps seen only as pixels.
   */
  target?: TargetDescriptor;
  /** Steps merged into this one in review, in order: a replay performs them after it. */
  then?: AnalyzedStep[];
  /** The box the person marked as what the step acts on, in frame pixels: outlined instead of the found one. */
  marked?: Rect;
  /** The title of the section this step opens (a marker's note, or the person's in review). */
  section?: string;
  /** Areas of the step's screenshot the person asked to blur, in frame pixels. */
  blur?: Rect[];
  /** The cloud model's version of the step, when one was asked. */
  cloud?: CloudStepInfo;
  eventCount: number;
}

/** A distinct screen of the recording, read whole. */
export interface ScreenReading {
  frameId: string;
  t: number;
  /** Its largest text near the top: the app's or page's name, or the dialog's. */
  title?: string;
  lines: OcrLine[];
}

/** How the caption stage went. */
export interface CaptionSummary {
  /**
   * `done`: steps captioned; `needs-download`: the model is not in this browser
   * yet and is downloaded only when the person asks; `off`: turned off in
   * Settings; `failed`: it could not load or run (a warning says why).
   */
  state: 'done' | 'needs-download' | 'off' | 'failed';
  model?: string;
  /** Local only is on: the Hub model is read from this browser's cache only, never downloaded. */
  localOnly?: boolean;
  runtime?: RuntimeKind;
  captioned: number;
  /** Served from the cache (captioned before by the same model). */
  cached: number;
  /** Time spent captioning, and loading the model, in ms. */
  ms: number;
  loadMs?: number;
}

/** Only complete analyses are stored: a run that fails or is cancelled stores nothing. */
export type AnalysisStatus = 'complete';

export interface Analysis {
  recordingId: string;
  updatedAt: number;
  status: AnalysisStatus;
  mode: BurstSettings['mode'];
  /** The app or page in use, as its first screen names it. */
  appName?: string;
  /** A description the recording came with (a pack2skill 0.1 session's): the skill's, until edited. */
  givenDescription?: string;
  /** The web page the workflow started on, where page events name it. */
  start?: StartPage;
  /**
   * Sections the person's markers began, in time order: stored by analyses made before
   * steps carried their section (read by `withSections` only when no step has one).
   */
  sections?: Section[];
  /** The first screen and each one a large change brought, read whole. */
  screens: ScreenReading[];
  steps: AnalyzedStep[];
  /** Said to the person: e.g. OCR could not load, so labels are missing. */
  warnings: string[];
  /**
   * Milliseconds spent: finding steps, reading the screen (all of it, `pixelsMs` and
   * `wholeFramesMs` included), comparing key frames' pixels, and reading whole frames
   * for steps the crops left unnamed.
   */
  timings: { segmentMs: number; ocrMs: number; pixelsMs?: number; wholeFramesMs?: number; totalMs: number };
  /** Frame areas read, and how many of them came from the cache (read while recording). */
  ocr: { reads: number; cachedReads: number; screenReads: number; cachedScreenReads: number };
  /** The backend that read the screen (`local`: in this tab). */
  backend: string;
  /** Absent until the caption stage has run (steps are shown before it). */
  captions?: CaptionSummary;
  /** The skill's name and description as the person set them; absent until edited. */
  review?: SkillDraft;
  /** The person has changed the steps or the draft. */
  edited?: boolean;
  /**
   * What the person's edits replaced, newest last, with what each edit was ("delete step 3"):
   * kept with the steps, so Undo still works after a reload.
   */
  undo?: ReviewSnapshot[];
  /** The cloud model that rewrote the steps, and what it suggested for the skill. */
  cloud?: { provider: CloudProvider; model: string; steps: number; skillName?: string; skillDescription?: string };
}

/** The parts of an analysis a review edit changes, as they were before it. */
export interface ReviewSnapshot {
  what: string;
  steps: AnalyzedStep[];
  sections?: Section[];
  edited?: boolean;
}

export interface SkillDraft {
  name: string;
  description: string;
  /** Where the workflow starts, when the person gave it (pixels alone do not know). */
  startUrl?: string;
}

export interface AnalysisProgress {
  stage:
    | 'Finding steps'
    | 'Reading the screen'
    | 'Loading the caption model'
    | 'Describing the screen'
    | 'Preparing screenshots for the model'
    | 'Waiting for the model'
    | 'Done';
  done: number;
  total: number;
  /** What `done` and `total` count. */
  unit: 'steps' | 'MB' | 'parts';
}

/**
 * What on the screen named a step's control, when the page did not: the text at a
 * logged click's point; a mark the click drew on it (an arrow, a border) or a box it
 * ticked; the item a closed menu now shows; the link that stayed, titling the new page it
 * brought; its own pixels changing; it staying
 * while the rest changed; text there before and gone after (a placeholder typed
 * over); or only the text nearest the change, which is a guess.
 */
export type LabelBasis = 'point' | 'mark' | 'tick' | 'menu' | 'title' | 'changed' | 'stayed' | 'gone' | 'nearby';
