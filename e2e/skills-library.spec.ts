import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { validateSkill } from '../src/skill/validate';
import { launch, openApp } from './support/browser';
import { text, unzipDownload } from './support/zip';

async function skillZip(name: string, frontmatterExtra = ''): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    `${name}/SKILL.md`,
    `---\nname: ${name}\ndescription: "Sends the weekly report. Use when asked for the report."${frontmatterExtra}\n---\n# Weekly report\n\n1. Open **Reports** ![](assets/step-01.png)\n`,
  );
  zip.file(`${name}/assets/step-01.png`, new Uint8Array([137, 80, 78, 71]));
  return zip.generateAsync({ type: 'nodebuffer' });
}

test('skills: import a zip, a second of the same name, rename, download again, delete; a bad zip is refused', async () => {
  const { browser, context } = await launch();
  try {
    const app = await openApp(context);
    const importer = app.getByLabel('Import skill (.zip)');
    const list = app.getByRole('list', { name: 'Skills' }).getByRole('listitem');

    await importer.setInputFiles({
      name: 'weekly-report.zip',
      mimeType: 'application/zip',
      buffer: await skillZip('weekly-report'),
    });
    await expect(list).toHaveCount(1);
    await expect(list.first()).toContainText('weekly-report');
    await expect(list.first()).toContainText('imported');

    // The same name again: kept apart, not overwritten.
    await importer.setInputFiles({
      name: 'copy.zip',
      mimeType: 'application/zip',
      buffer: await skillZip('weekly-report'),
    });
    await expect(app.getByRole('status').filter({ hasText: 'as “weekly-report-2”' })).toBeVisible();
    await expect(list).toHaveCount(2);

    // Rename, checked as typed.
    await app.getByRole('button', { name: 'Rename weekly-report-2' }).click();
    const newName = app.getByRole('textbox', { name: 'New name for weekly-report-2' });
    await newName.fill('Weekly Report');
    await expect(app.getByRole('button', { name: 'Save name' })).toBeDisabled();
    await newName.fill('monthly-report');
    await app.getByRole('button', { name: 'Save name' }).click();
    await expect(list.filter({ hasText: 'monthly-report' })).toHaveCount(1);

    // Download again: the folder and the name in SKILL.md follow the rename.
    const [download] = await Promise.all([
      app.waitForEvent('download'),
      app.getByRole('button', { name: 'Download monthly-report' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('monthly-report.zip');
    const files = await unzipDownload(download);
    expect(validateSkill(files).filter((i) => i.severity === 'error')).toEqual([]);
    expect(text(files, 'monthly-report/SKILL.md')).toMatch(/^---\nname: "monthly-report"\n/);
    expect(files.has('monthly-report/assets/step-01.png')).toBe(true);

    // Edit an imported skill's SKILL.md, checked as typed.
    await app.getByRole('button', { name: 'Edit the SKILL.md of weekly-report' }).click();
    const editor = app.getByRole('textbox', { name: 'SKILL.md of weekly-report' });
    const original = await editor.inputValue();
    await editor.fill(original.replace('Sends the weekly report.', 'Sends the <weekly> report.'));
    await expect(app.getByText('The description must not contain "<" or ">".')).toBeVisible();
    await expect(app.getByRole('button', { name: 'Save SKILL.md' })).toBeDisabled();
    await editor.fill(`${original}2. Press **Send**\n`);
    await app.getByRole('button', { name: 'Save SKILL.md' }).click();
    await expect(editor).toHaveCount(0);
    const [edited] = await Promise.all([
      app.waitForEvent('download'),
      app.getByRole('button', { name: 'Download weekly-report' }).click(),
    ]);
    expect(text(await unzipDownload(edited), 'weekly-report/SKILL.md')).toContain('2. Press **Send**');

    // Delete asks once more.
    await app.getByRole('button', { name: 'Delete monthly-report' }).click();
    await app.getByRole('button', { name: 'Delete for good' }).click();
    await expect(list).toHaveCount(1);

    // A zip that breaks a rule is refused with the reason, and nothing is stored.
    await importer.setInputFiles({
      name: 'bad.zip',
      mimeType: 'application/zip',
      buffer: await skillZip('bad-skill', '\nversion: "2"'),
    });
    await expect(app.getByRole('alert')).toContainText('"version" is not allowed');
    await expect(list).toHaveCount(1);
    // Scrolled to the bottom of the page, the message still shows where the person looks.
    await app.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await importer.setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip') });
    await expect(app.getByRole('alert')).toContainText('not a zip archive');
    await expect(app.getByRole('alert')).toBeInViewport();
    await app.evaluate(() => window.scrollTo(0, 0));
    await expect(app.getByRole('alert')).toBeInViewport();
    // A zip bomb (400 MB of zeros in 400 KB) is refused from its list of files, before unpacking.
    const bomb = new JSZip();
    bomb.file('bomb/SKILL.md', new Uint8Array(400 * 1024 * 1024));
    await importer.setInputFiles({
      name: 'bomb.zip',
      mimeType: 'application/zip',
      buffer: await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
    });
    await expect(app.getByRole('alert')).toContainText('unpacks to more than 8.0 MB; a skill is at most 8.0 MB');
    await expect(list).toHaveCount(1);

    // Kept across visits.
    await app.reload();
    await expect(list).toHaveCount(1);
  } finally {
    await browser.close();
  }
});
