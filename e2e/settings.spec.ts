import { expect, test, type Locator } from '@playwright/test';
import { launch, recordFixture } from './support/browser';

/** Opens the dialog's Advanced part (gap and span fields) unless it is open already. */
async function openAdvanced(dialog: Locator): Promise<void> {
  const advanced = dialog.locator('details.advanced');
  if (!(await advanced.evaluate((d: HTMLDetailsElement) => d.open))) {
    await dialog.getByText('Advanced: gap and span per kind of event').click();
  }
}

test('step detection settings are saved and change how a recording splits into steps', async () => {
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Tickets' });
  try {
    const { fixture, app } = await recordFixture(context, 'tickets.html');
    for (const selector of ['#new', '#urgent', '#assign']) {
      await fixture.waitForTimeout(2200);
      await fixture.click(selector);
    }
    await fixture.waitForTimeout(2000);
    await app.bringToFront();
    await app.getByRole('button', { name: 'Stop recording' }).click();
    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps).toHaveCount(3, { timeout: 60_000 });

    // Rough: screen changes less than 3 s apart make one step.
    await app.getByRole('button', { name: 'Settings' }).click();
    const dialog = app.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('radio', { name: /Rough/ }).check();
    // The ten gap and span fields are under Advanced.
    await expect(dialog.getByRole('spinbutton', { name: 'Screen changes gap (s)' })).toBeHidden();
    await openAdvanced(dialog);
    await expect(dialog.getByRole('spinbutton', { name: 'Screen changes gap (s)' })).toHaveValue('3');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await expect(dialog).toBeHidden();
    await app.getByRole('button', { name: 'Analyse again' }).click();
    await expect(steps).toHaveCount(1, { timeout: 60_000 });

    // Saved for the next visit, and a custom threshold sticks.
    await app.reload();
    await app.getByRole('button', { name: 'Settings' }).click();
    await expect(dialog.getByRole('radio', { name: /Rough/ })).toBeChecked();
    await dialog.getByRole('radio', { name: /Accurate/ }).check();
    await openAdvanced(dialog);
    await dialog.getByRole('spinbutton', { name: 'Screen changes gap (s)' }).fill('5');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await app.getByRole('button', { name: 'Show steps' }).click();
    await app.getByRole('button', { name: 'Analyse again' }).click();
    await expect(steps).toHaveCount(1, { timeout: 60_000 });
    await app.getByRole('button', { name: 'Settings' }).click();
    await openAdvanced(dialog);
    await expect(dialog.getByRole('spinbutton', { name: 'Screen changes gap (s)' })).toHaveValue('5');

    // Captions: the Hub model is offered until they are turned off.
    await expect(app.getByRole('region', { name: 'Captions' })).toBeVisible();
    await expect(dialog.getByRole('combobox', { name: 'Caption model' })).toHaveValue('florence-2-base-ft');
    await dialog.getByRole('combobox', { name: 'Caption model' }).selectOption('off');
    await dialog.getByRole('combobox', { name: 'Run captions on' }).selectOption('cpu');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await app.getByRole('button', { name: 'Analyse again' }).click();
    await expect(steps).toHaveCount(1, { timeout: 60_000 });
    await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0);
    await expect(app.getByRole('region', { name: 'Captions' })).toHaveCount(0);
    await app.reload();
    await app.getByRole('button', { name: 'Settings' }).click();
    await expect(dialog.getByRole('combobox', { name: 'Caption model' })).toHaveValue('off');
    await expect(dialog.getByRole('combobox', { name: 'Run captions on' })).toHaveValue('cpu');
  } finally {
    await browser.close();
  }
});
