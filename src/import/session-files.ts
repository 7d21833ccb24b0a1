import { unzip, ZipFormatError, ZipLimitError, type ZipLimits } from '../shared/zip-reader';

/**
 * A session zip's limits (docs/configuration.md): checked from its list of files
 * before anything is unpacked. A pack2skill 0.1 session is a video and a few JSON
 * files; a pack session a few thousand frames at most.
 */
export const SESSION_ZIP_LIMITS: ZipLimits = { maxEntries: 20_000, maxBytes: 2 * 1024 ** 3, what: 'A session' };

/** The files of a session the person picked: a folder (with its relative paths) or a zip. */
export async function sessionFiles(picked: readonly File[]): Promise<Map<string, Blob>> {
  if (picked.length === 1 && /\.zip$/i.test(picked[0]!.name)) {
    try {
      return await unzip(picked[0]!, SESSION_ZIP_LIMITS, (name) => !/(^|\/)__MACOSX\//.test(name));
    } catch (error) {
      if (error instanceof ZipFormatError || error instanceof ZipLimitError) throw error;
      // Not a format problem: memory ran out, or the file could not be read.
      throw new Error(
        `${picked[0]!.name} could not be read (${error instanceof Error ? error.message : String(error)})`,
        { cause: error },
      );
    }
  }
  const files = new Map<string, Blob>();
  for (const file of picked) files.set(file.webkitRelativePath || file.name, file);
  return files;
}
