import { expect, test } from '@playwright/test';
import { launch, openApp } from './support/browser';

const CONFIG = `analysis:
  vlm_backend: "gemini"
  gemini:
    api_key: "\${GEMINI_API_KEY}"
    model: "gemini-2.5-pro"
event_processing:
  use_burst_detection: true
  burst_threshold: 0.8
  burst_min_events: 2
`;

test('settings from pack2skill 0.1’s config.yaml: taken, reported, saved; a broken file changes nothing', async () => {
  const { browser, context } = await launch();
  try {
    const app = await openApp(context);
    await app.getByRole('button', { name: 'Settings' }).click();
    const dialog = app.getByRole('dialog', { name: 'Settings' });
    const input = dialog.getByLabel('Import pack2skill settings (config.yaml)');

    await input.setInputFiles({
      name: 'broken.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from('analysis:\n    vlm_backend: gemini\n  gemini: x\n'),
    });
    await expect(dialog.getByRole('alert')).toHaveText(
      'broken.yaml could not be read: line 3: all mapping items must start at the same column. Nothing was changed.',
    );
    await expect(dialog.getByRole('radio', { name: /Accurate/ })).toBeChecked();

    await input.setInputFiles({ name: 'config.yaml', mimeType: 'text/yaml', buffer: Buffer.from(CONFIG) });
    const report = dialog.getByRole('status', { name: 'Imported settings' });
    await expect(report).toContainText('Taken: event_processing.burst_threshold 0.8 s → gap 0.8 s');
    await expect(report).toContainText(
      'Ignored: analysis.gemini.api_key (keys are entered in Settings, never imported)',
    );
    await expect(dialog.getByRole('radio', { name: /Simple/ })).toBeChecked();
    await expect(dialog.getByRole('combobox', { name: 'Analysis backend' })).toHaveValue('gemini');
    await expect(dialog.getByRole('checkbox', { name: /Local only/ })).toBeChecked();
    await expect(dialog.getByLabel('Gemini API key')).toHaveValue('');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    // The dialog closes once everything is stored; reloading before that raced the last write (the cloud settings).
    await expect(dialog).toBeHidden();

    await app.reload();
    await app.getByRole('button', { name: 'Settings' }).click();
    await expect(dialog.getByRole('radio', { name: /Simple/ })).toBeChecked();
    await expect(dialog.getByRole('spinbutton', { name: 'Gap that ends a step (s)' })).toHaveValue('0.8');
    await expect(dialog.getByRole('spinbutton', { name: 'Minimum events per step' })).toHaveValue('2');
    await expect(dialog.getByLabel('Gemini model')).toHaveValue('gemini-2.5-pro');
  } finally {
    await browser.close();
  }
});
