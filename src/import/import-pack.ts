/**
 * Stores a pack session as a recording: its screenshots as key frames, its
 * events on the session's clock (in one transaction, `storeImported`).
 */
import type { FrameRecord, RecordingRecord } from '../storage/db';
import type { EventRecord } from '../capture/events';
import { mapPackSession, parsePackAggregations, parsePackEvents, SessionError } from './pack-session';
import { storeImported } from './store';

export async function importPackSession(files: ReadonlyMap<string, Blob>, label: string): Promise<RecordingRecord> {
  const eventsPath = [...files.keys()].find((path) => /(^|\/)events\.jsonl$/.test(path));
  if (!eventsPath) {
    // A skill zip picked here by mistake: say where it goes.
    if ([...files.keys()].some((path) => /(^|\/)SKILL\.md$/.test(path))) {
      throw new SessionError(
        `${label} is a skill (it holds SKILL.md), not a session: use "Import skill (.zip)" under Skills`,
      );
    }
    throw new SessionError(
      `${label} has no events.jsonl: a session is what pack or pack2skill 0.1 saved while recording; pick its folder, or a zip of it`,
    );
  }
  const root = eventsPath.slice(0, -'events.jsonl'.length);
  const screenshots = new Map<string, Blob>();
  for (const [path, blob] of files) {
    if (path.startsWith(`${root}screenshots/`)) screenshots.set(path.split('/').pop()!, blob);
  }
  if (screenshots.size === 0) throw new SessionError(`${label} has no screenshots/ folder beside events.jsonl`);
  const events = parsePackEvents(await files.get(eventsPath)!.text(), `${root}events.jsonl`);
  // Later pack names its screenshots in aggregations.jsonl rather than on the events.
  const aggregations = files.get(`${root}aggregations.jsonl`);
  const shots = aggregations ? parsePackAggregations(await aggregations.text(), `${root}aggregations.jsonl`) : [];
  const mapped = mapPackSession(events, new Set(screenshots.keys()), shots);

  const id = crypto.randomUUID();
  const frames: FrameRecord[] = [];
  const frameIds = new Map<string, string>();
  for (const use of mapped.frames) {
    const blob = screenshots.get(use.file)!;
    let size: { width: number; height: number };
    try {
      const bitmap = await createImageBitmap(blob);
      size = { width: bitmap.width, height: bitmap.height };
      bitmap.close();
    } catch {
      throw new SessionError(`screenshots/${use.file} is not an image the browser can read`);
    }
    const frameId = `${id}:${use.file}`;
    frameIds.set(use.file, frameId);
    frames.push({ id: frameId, recordingId: id, t: use.t, role: use.role, ...size, blob });
  }
  const stored: EventRecord[] = mapped.events.map((event) => {
    const record: EventRecord = { ...event, recordingId: id };
    if (event.beforeFrameId) record.beforeFrameId = frameIds.get(event.beforeFrameId)!;
    if (event.afterFrameId) record.afterFrameId = frameIds.get(event.afterFrameId)!;
    return record;
  });
  const first = frames[0]!;
  const recording: RecordingRecord = {
    id,
    title: `pack session, ${new Date(mapped.startedAt).toISOString().slice(0, 16).replace('T', ' ')}`,
    createdAt: mapped.startedAt,
    updatedAt: Date.now(),
    status: 'complete',
    durationMs: mapped.durationMs,
    mimeType: '',
    surface: 'import',
    sourceLabel: `pack session (${label})`,
    width: first.width,
    height: first.height,
    selfCapture: false,
    chunkCount: 0,
    bytes: frames.reduce((sum, f) => sum + f.blob.size, 0),
    keyframeCount: frames.length,
    eventCount: stored.length,
    durationWritten: true,
  };
  return storeImported(recording, frames, stored);
}
