/** Finds a pack2skill 0.1 session among picked files and imports it through the video path. */
import type { RecordingRecord } from '../storage/db';
import { SessionError } from './pack-session';
import { isSessionFile, mapSessionEvents, readSessionFile } from './pack2skill-session';
import { importVideo, type VideoImportOptions } from './video/import-video';

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** The 0.1 session file among `files`, if there is one. */
export async function findSessionFile(
  files: ReadonlyMap<string, Blob>,
): Promise<{ path: string; data: unknown } | null> {
  for (const [path, blob] of files) {
    if (!path.endsWith('.json') || blob.size > 1_000_000) continue;
    try {
      const data: unknown = JSON.parse(await blob.text());
      if (isSessionFile(data)) return { path, data };
    } catch {
      // not JSON: not the session file
    }
  }
  return null;
}

export async function importPack2SkillSession(
  files: ReadonlyMap<string, Blob>,
  found: { path: string; data: unknown },
  label: string,
  options: Pick<VideoImportOptions, 'signal' | 'onProgress'> = {},
): Promise<RecordingRecord> {
  const session = readSessionFile(found.data, baseName(found.path));
  const byName = (wanted: string) => [...files].find(([path]) => baseName(path) === baseName(wanted));
  const video = byName(session.videoPath);
  if (!video)
    throw new SessionError(`the video ${baseName(session.videoPath)} named in ${baseName(found.path)} is missing`);
  const eventsFile = byName(session.eventsPath);
  if (!eventsFile) {
    throw new SessionError(
      `the events file ${baseName(session.eventsPath)} named in ${baseName(found.path)} is missing`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await eventsFile[1].text());
  } catch {
    throw new SessionError(`${baseName(eventsFile[0])} is not JSON`);
  }
  const events = mapSessionEvents(parsed, baseName(eventsFile[0]));
  const file = video[1] instanceof File ? video[1] : new File([video[1]], baseName(video[0]), { type: video[1].type });
  return importVideo(file, {
    ...options,
    events,
    ...(session.resolution ? { eventSize: session.resolution } : {}),
    title: session.name,
    ...(session.description ? { description: session.description } : {}),
    sourceLabel: `pack2skill 0.1 session (${label})`,
  });
}
