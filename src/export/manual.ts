/**
 * The manual for people: `index.md` with `images/`, and `index.html` with the
 * same content and the images inlined, so it opens from anywhere and prints to
 * a clean PDF from the browser. Zipped as `<name>-manual/`.
 */
import { blobToBase64 } from '../shared/base64';
import { formatDuration } from '../shared/format';
import { maskSensitive } from '../compose/redact';
import { markdownCode, markdownLine, markdownText } from '../compose/markdown';
import { skillInputs, stepMarkdown, stepNotes } from '../compose/draft';
import { withSections } from './skill';
import { escapeHtml, inlineMarkdownToHtml } from './inline-markdown';
import type { GeneratorInput, OutputFile, OutputGenerator } from './types';

const pad = (n: number) => String(n).padStart(2, '0');

interface ManualStep {
  number: number;
  /** The section (a marker's title) this step opens, if it opens one. */
  section?: string;
  markdown: string;
  image?: { path: string; blob: Blob };
  note?: string;
  at: string;
}

export const manualGenerator: OutputGenerator = {
  id: 'manual',
  async generate(input: GeneratorInput): Promise<OutputFile[]> {
    const root = `${input.draft.name}-manual`;
    const steps: ManualStep[] = [];
    const values = skillInputs(input.analysis.steps);
    for (const { step, index, section } of withSections(input.analysis)) {
      const blob = await input.screenshot(step);
      const notes = stepNotes(step);
      steps.push({
        number: index + 1,
        ...(section ? { section } : {}),
        markdown: stepMarkdown(step, values),
        at: formatDuration(step.start),
        ...(blob ? { image: { path: `images/step-${pad(index + 1)}.png`, blob } } : {}),
        ...(notes.risky ? { note: 'This cannot be undone: check before you do it.' } : {}),
      });
    }
    const title = manualTitle(input);
    const files: OutputFile[] = [
      { path: `${root}/index.md`, data: markdown(title, input, steps) },
      { path: `${root}/index.html`, data: await html(title, input, steps) },
    ];
    for (const step of steps) if (step.image) files.push({ path: `${root}/${step.image.path}`, data: step.image.blob });
    return files;
  },
};

function manualTitle({ draft }: GeneratorInput): string {
  const words = draft.name.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function inputs({ analysis }: GeneratorInput): { name: string; label?: string }[] {
  return analysis.steps
    .filter((step) => step.parameter)
    .map((step) => ({ name: step.parameter!, ...(step.label ? { label: maskSensitive(step.label) } : {}) }));
}

function markdown(title: string, input: GeneratorInput, steps: ManualStep[]): string {
  const lines = [`# ${markdownLine(title)}`, '', markdownLine(maskSensitive(input.draft.description)), ''];
  const values = inputs(input);
  if (values.length > 0) {
    lines.push('## What you need', '');
    for (const value of values)
      lines.push(`- ${markdownCode(`{{${value.name}}}`)}${value.label ? `: the ${markdownText(value.label)}` : ''}`);
    lines.push('');
  }
  lines.push('## Steps', '');
  for (const step of steps) {
    if (step.section) lines.push('', `### ${markdownLine(step.section)}`, '');
    lines.push(`${step.number}. ${step.markdown}${step.note ? ` *${step.note}*` : ''}`);
    if (step.image) lines.push('', `   ![Step ${step.number}](${step.image.path})`, '');
  }
  return lines.join('\n') + '\n';
}

async function html(title: string, input: GeneratorInput, steps: ManualStep[]): Promise<string> {
  const values = inputs(input);
  const items: string[] = [];
  for (const step of steps) {
    const image = step.image
      ? `<img src="${await dataUrl(step.image.blob)}" alt="Screenshot of step ${step.number}">`
      : '';
    const note = step.note ? `<p class="note">${escapeHtml(step.note)}</p>` : '';
    // A section closes the list and opens another that goes on counting.
    if (step.section) items.push(`</ol><h3>${escapeHtml(step.section)}</h3><ol start="${step.number}">`);
    items.push(
      `<li><p class="what">${inlineMarkdownToHtml(step.markdown)}</p><p class="at">at ${escapeHtml(step.at)} in the recording</p>${note}${image}</li>`,
    );
  }
  const need =
    values.length > 0
      ? `<h2>What you need</h2><ul>${values.map((v) => `<li><code>{{${escapeHtml(v.name)}}}</code>${v.label ? `: the ${escapeHtml(v.label)}` : ''}</li>`).join('')}</ul>`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; color: #1b1f24; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.8rem; margin-bottom: 0.25rem; }
  .intro { color: #3b4654; }
  ol { padding-left: 1.5rem; }
  li { margin: 0 0 2rem; }
  .what { font-size: 1.1rem; margin: 0 0 0.2rem; }
  .at { color: #5f6b7a; font-size: 0.85rem; margin: 0 0 0.5rem; }
  .note { border-left: 4px solid #d9480f; padding-left: 0.5rem; }
  img { max-width: 100%; border: 1px solid #dde1e7; border-radius: 4px; }
  code { background: #f1f3f5; padding: 0 0.25rem; border-radius: 3px; }
  @media print {
    body { margin: 0; max-width: none; font-size: 11pt; }
    li { break-inside: avoid; page-break-inside: avoid; }
    img { max-height: 60vh; }
  }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="intro">${escapeHtml(maskSensitive(input.draft.description))}</p>
${need}
<h2>Steps</h2>
<ol>
${items.join('\n')}
</ol>
</body>
</html>
`;
}

async function dataUrl(blob: Blob): Promise<string> {
  return `data:${blob.type || 'image/png'};base64,${await blobToBase64(blob)}`;
}
