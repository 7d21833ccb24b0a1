/** The files of a session the person picked: a folder (with its relative paths) or a zip. */
export async function sessionFiles(picked: readonly File[]): Promise<Map<string, Blob>> {
  const files = new Map<string, Blob>();
  if (picked.length === 1 && /\.zip$/i.test(picked[0]!.name)) {
    const { default: JSZip } = await import('jszip');
    let zip;
    try {
      zip = await JSZip.loadAsync(await picked[0]!.arrayBuffer());
    } catch {
      throw new Error(`${picked[0]!.name} is not a zip archive`);
    }
    for (const entry of Object.values(zip.files)) {
      if (!entry.dir && !/(^|\/)__MACOSX\//.test(entry.name)) files.set(entry.name, await entry.async('blob'));
    }
    return files;
  }
  for (const file of picked) files.set(file.webkitRelativePath || file.name, file);
  return files;
}
