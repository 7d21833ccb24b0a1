/**
 * The IndexedDB schema. Upgrades are cumulative `if (oldVersion < N)` blocks:
 * once a version has shipped its block is never edited, only followed.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { SamplerStats } from '../../workers/sampler/types';
import type { Analysis } from '../analyze/types';
import type { EventRecord } from '../capture/events';

export const DB_NAME = 'pack2skill';
export const DB_VERSION = 2;

export type StopReason = 'user' | 'sharing-ended' | 'storage-full' | 'error' | 'recovered';

export interface RecordingRecord {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  /** `recording` until stopped; one left in that state by a closed tab is recoverable. */
  status: 'recording' | 'complete';
  stopReason?: StopReason;
  /** Video milliseconds recorded so far (updated with every chunk). */
  durationMs: number;
  mimeType: string;
  /** `browser`, `window` or `monitor`, as the browser reports the chosen surface. */
  surface: string | null;
  sourceLabel: string;
  width: number;
  height: number;
  /** The captured tab is this app's own tab, so its DOM events describe the workflow. */
  selfCapture: boolean;
  chunkCount: number;
  bytes: number;
  keyframeCount: number;
  eventCount: number;
  /** The WebM's first chunk carries the final duration (seekable). */
  durationWritten: boolean;
  /** What the recording came with to describe it (a pack2skill 0.1 session's description). */
  description?: string;
  /**
   * For an imported video: which decoder read it, frames sampled, time spent
   * waiting for decoded frames and finding changes, and the whole import (ms).
   */
  importStats?: {
    decoder: 'webcodecs' | 'ffmpeg-st' | 'ffmpeg-mt';
    frames: number;
    decodeMs: number;
    detectMs: number;
    totalMs: number;
    /** Whether the video showed a mouse pointer (seen moving): see `ChangeDetector.showsPointer`. */
    pointer?: boolean;
  };
  /** How the live sampler did, for diagnostics and benchmarks. */
  sampler?: SamplerStats;
}

export interface ChunkRecord {
  recordingId: string;
  seq: number;
  /** Video milliseconds at the end of this chunk. */
  t: number;
  blob: Blob;
}

export interface FrameRecord {
  id: string;
  recordingId: string;
  t: number;
  role: 'before' | 'after';
  width: number;
  height: number;
  blob: Blob;
}

export interface SkillRecord {
  id: string;
  /** The skill's name, which is also its folder inside the zip. */
  name: string;
  description: string;
  updatedAt: number;
  /** The recording it was made from; absent for an imported skill. */
  recordingId?: string;
  /** Path inside the zip (`<name>/SKILL.md`, …) → content. */
  files: Record<string, Blob>;
}

export interface CacheRecord {
  key: string;
  frameId: string;
  createdAt: number;
  value: unknown;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

interface Pack2SkillDB extends DBSchema {
  recordings: { key: string; value: RecordingRecord; indexes: { 'by-created': number } };
  chunks: { key: [string, number]; value: ChunkRecord };
  frames: { key: string; value: FrameRecord; indexes: { 'by-recording': [string, number] } };
  events: { key: number; value: EventRecord; indexes: { 'by-recording': [string, number] } };
  /** Analysis results per recording (filled by the analysis stage). */
  analyses: { key: string; value: { recordingId: string; updatedAt: number; data: Analysis } };
  /** Exported and imported skills, their files as Blobs. */
  skills: { key: string; value: SkillRecord };
  settings: { key: string; value: SettingRecord };
  /**
   * What reading a frame gave (OCR lines, a caption), so it is read once.
   * Keyed by what was asked (`ocr:v6:<frame id>:<area>`, `caption:v1:<model>:<frame id>:<area>`),
   * indexed by the frame, so deleting a recording deletes what was read from its screens.
   */
  cache: { key: string; value: CacheRecord; indexes: { 'by-frame': string } };
}

export type Database = IDBPDatabase<Pack2SkillDB>;

let opening: Promise<Database> | null = null;

/**
 * Work that must not lose its connection (a recording writing its chunks): while
 * any is running, a newer version of the app opened in another tab waits (its page
 * says why) instead of this tab closing the database under it.
 */
let holds = 0;
let closeWhenFree = false;
let onUpgradeWaiting: (() => void) | null = null;

/** Keeps the connection open until the returned function is called. */
export function holdDatabase(): () => void {
  holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds--;
    if (holds === 0 && closeWhenFree) stepAside();
  };
}

/** Called in the tab whose upgrade waits for another tab's recording. */
export function onDatabaseUpgradeWaiting(listener: () => void): void {
  onUpgradeWaiting = listener;
}

function stepAside(): void {
  closeWhenFree = false;
  void opening?.then((db) => db.close());
  opening = null;
}

export function openDatabase(): Promise<Database> {
  opening ??= openDB<Pack2SkillDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('recordings', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
        db.createObjectStore('chunks', { keyPath: ['recordingId', 'seq'] });
        db.createObjectStore('frames', { keyPath: 'id' }).createIndex('by-recording', ['recordingId', 't']);
        db.createObjectStore('events', { keyPath: 'id', autoIncrement: true }).createIndex('by-recording', [
          'recordingId',
          't',
        ]);
        db.createObjectStore('analyses', { keyPath: 'recordingId' });
        db.createObjectStore('skills', { keyPath: 'id' });
        db.createObjectStore('settings', { keyPath: 'key' });
        db.createObjectStore('cache', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        // Cache rows now say which frame they were read from. Rows from version 1
        // do not, so they could never be deleted with their recording: drop them
        // (a cache; what is needed is read again).
        const cache = tx.objectStore('cache');
        void cache.clear();
        cache.createIndex('by-frame', 'frameId');
      }
    },
    blocked() {
      // An older version in another tab is recording: this one opens when it stops.
      onUpgradeWaiting?.();
    },
    blocking() {
      // A newer version of the app opened in another tab: step aside so it can upgrade,
      // but not under a recording (it finishes first).
      if (holds > 0) closeWhenFree = true;
      else stepAside();
    },
  }).catch((error: unknown) => {
    opening = null;
    if (error instanceof DOMException && error.name === 'VersionError') {
      throw new Error('pack2skill was updated in another tab: reload this tab to go on (your recordings are kept)', {
        cause: error,
      });
    }
    throw error;
  });
  return opening;
}

/** A key range covering every `[recordingId, t]` key of one recording. */
export function recordingRange(recordingId: string): IDBKeyRange {
  return IDBKeyRange.bound([recordingId, -Infinity], [recordingId, Infinity]);
}

/** True for the error a write gets when the disk or the origin's quota is full. */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof DOMException)) return false;
  return error.name === 'QuotaExceededError' || /quota/i.test(error.message);
}
