/** For unit tests: an analysis with nothing in it but what a test gives. */
import type { Analysis } from './types';

export function testAnalysis(overrides: Partial<Analysis> = {}): Analysis {
  return {
    recordingId: 'r',
    updatedAt: 0,
    status: 'complete',
    mode: 'accurate',
    steps: [],
    screens: [],
    warnings: [],
    timings: { segmentMs: 0, ocrMs: 0, totalMs: 0 },
    ocr: { reads: 0, cachedReads: 0, screenReads: 0, cachedScreenReads: 0 },
    backend: 'local',
    ...overrides,
  };
}
