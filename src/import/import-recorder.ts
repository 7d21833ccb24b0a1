/** Stores a Chrome Recorder recording as a recording of page events only (one transaction, `storeImported`). */
import type { EventRecord } from '../capture/events';
import type { RecordingRecord } from '../storage/db';
import { parseRecorderRecording } from './chrome-recorder';
import { storeImported } from './store';

export async function importRecorderFile(file: File): Promise<RecordingRecord> {
  const parsed = parseRecorderRecording(await file.text(), file.name);
  const id = crypto.randomUUID();
  const events: EventRecord[] = parsed.events.map((event) => ({ ...event, recordingId: id }));
  const recording: RecordingRecord = {
    id,
    title: parsed.title,
    createdAt: file.lastModified || Date.now(),
    updatedAt: Date.now(),
    status: 'complete',
    durationMs: (events.at(-1)?.t ?? 0) + 1000,
    mimeType: '',
    surface: 'import',
    sourceLabel: `Chrome Recorder (${file.name})`,
    width: 0,
    height: 0,
    selfCapture: false,
    chunkCount: 0,
    bytes: file.size,
    keyframeCount: 0,
    eventCount: events.length,
    durationWritten: true,
  };
  return storeImported(recording, [], events);
}
