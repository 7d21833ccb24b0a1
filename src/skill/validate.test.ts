import { describe, expect, it } from 'vitest';
import { parseFrontmatter, writeFrontmatter } from './frontmatter';
import { validateSkill } from './validate';

const GOOD_DESCRIPTION = 'Creates a helpdesk ticket from a customer email. Use when a printer problem is reported.';

function skill(
  frontmatter = `name: file-a-ticket\ndescription: "${GOOD_DESCRIPTION}"`,
  extra: Record<string, string | Uint8Array> = {},
  folder = 'file-a-ticket',
): Map<string, string | Uint8Array> {
  return new Map<string, string | Uint8Array>([
    [
      `${folder}/SKILL.md`,
      `---\n${frontmatter}\n---\n# File a ticket\n\n1. Click **New ticket** ![](assets/step-01.png)\n\nSee [the reference](references/REFERENCE.md).\n`,
    ],
    [`${folder}/assets/step-01.png`, new Uint8Array([137, 80, 78, 71])],
    [`${folder}/references/REFERENCE.md`, '# Reference\n'],
    ...Object.entries(extra),
  ]);
}

const errors = (files: Map<string, string | Uint8Array>) =>
  validateSkill(files)
    .filter((issue) => issue.severity === 'error')
    .map((issue) => issue.message);

describe('validateSkill', () => {
  it('accepts a good skill', () => {
    expect(errors(skill())).toEqual([]);
  });

  it('refuses a reserved word in the name', () => {
    const files = skill(`name: claude-helper\ndescription: "${GOOD_DESCRIPTION}"`, {}, 'claude-helper');
    expect(errors(files)).toEqual(['The name must not contain "claude" or "anthropic".']);
    const anthropic = skill(`name: my-anthropic-tool\ndescription: x`, {}, 'my-anthropic-tool');
    expect(errors(anthropic)).toContain('The name must not contain "claude" or "anthropic".');
  });

  it('refuses a top-level version key, and says where it belongs', () => {
    const [message] = errors(skill(`name: file-a-ticket\ndescription: x\nversion: "1.0"`));
    expect(message).toMatch(/"version" is not allowed.*metadata\.version/);
    expect(errors(skill(`name: file-a-ticket\ndescription: x\nmetadata:\n  version: "1.0"`))).toEqual([]);
  });

  it('refuses < or > in the description', () => {
    expect(errors(skill(`name: file-a-ticket\ndescription: "Opens the <form>"`))).toEqual([
      'The description must not contain "<" or ">".',
    ]);
  });

  it('refuses a name that differs from its folder, or breaks the pattern', () => {
    expect(errors(skill(`name: other-name\ndescription: x`))).toEqual([
      'The name "other-name" differs from its folder "file-a-ticket".',
    ]);
    expect(errors(skill(`name: File_A--Ticket\ndescription: x`, {}, 'File_A--Ticket'))).toEqual([
      'The name may use only lowercase letters, digits and single hyphens between words.',
    ]);
    const long = 'a'.repeat(65);
    expect(errors(skill(`name: ${long}\ndescription: x`, {}, long))).toEqual([
      'The name is 65 characters; at most 64.',
    ]);
  });

  it('refuses a 1025-character description and accepts 1024', () => {
    expect(errors(skill(`name: file-a-ticket\ndescription: "${'d'.repeat(1024)}"`))).toEqual([]);
    expect(errors(skill(`name: file-a-ticket\ndescription: "${'d'.repeat(1025)}"`))).toEqual([
      'The description is 1025 characters; at most 1024.',
    ]);
  });

  it('refuses a zip without SKILL.md, or with two top-level folders, or loose files', () => {
    const noSkill = skill();
    noSkill.delete('file-a-ticket/SKILL.md');
    expect(errors(noSkill)).toEqual(['There is no SKILL.md directly inside "file-a-ticket/".']);
    expect(errors(skill(undefined, { 'second/SKILL.md': '---\n---\n' }))[0]).toMatch(/exactly one folder; it holds 2/);
    // Loose files are called files, not folders.
    expect(
      errors(
        new Map([
          ['data.json', '{}'],
          ['readme.txt', 'x'],
        ]),
      ),
    ).toEqual([
      'Files lie at the root of the zip (data.json, readme.txt): it must hold one folder only.',
      'The zip must hold exactly one folder; it holds 0.',
    ]);
    expect(errors(skill(undefined, { 'README.md': 'x' }))[0]).toMatch(/root of the zip/);
  });

  it('refuses more than 200 files and more than 8 MB', () => {
    const many = skill();
    for (let i = 0; i < 198; i++) many.set(`file-a-ticket/assets/extra-${i}.png`, new Uint8Array(1));
    expect(errors(many)).toEqual(['The skill has 201 files; at most 200.']);
    expect(errors(skill(undefined, { 'file-a-ticket/assets/big.bin': new Uint8Array(8 * 1024 * 1024) }))[0]).toMatch(
      /MB uncompressed; at most 8 MB/,
    );
  });

  it('refuses ": " in an unquoted description, and accepts it quoted', () => {
    const [message] = errors(skill(`name: file-a-ticket\ndescription: Tickets: files them. Use when asked.`));
    expect(message).toMatch(/must be quoted/);
    expect(errors(skill(`name: file-a-ticket\ndescription: "Tickets: files them. Use when asked."`))).toEqual([]);
    expect(errors(skill(`name: file-a-ticket\ndescription: 'Tickets: it''s filed. Use when asked.'`))).toEqual([]);
  });

  it('refuses links to missing files and references nested deeper than one level', () => {
    const files = skill(undefined, {
      'file-a-ticket/references/deep/more.md': '# More\n',
      'file-a-ticket/references/links.md': '[gone](../assets/none.png) [web](https://example.com) [top](#top)',
    });
    expect(errors(files)).toEqual([
      'References must lie directly in references/ (one level deep).',
      'Line 1: the link "../assets/none.png" leads to no file in the skill.',
    ]);
  });

  it('asks for a table of contents in a long reference', () => {
    const long = Array.from({ length: 120 }, (_, i) => `line ${i}`).join('\n');
    expect(errors(skill(undefined, { 'file-a-ticket/references/REFERENCE.md': `# Reference\n${long}` }))).toEqual([
      'A reference over 100 lines needs a "Contents" section.',
    ]);
    expect(
      errors(skill(undefined, { 'file-a-ticket/references/REFERENCE.md': `# Reference\n## Contents\n${long}` })),
    ).toEqual([]);
  });

  it('refuses a body of 500 lines or more', () => {
    const files = skill();
    files.set('file-a-ticket/SKILL.md', `---\nname: file-a-ticket\ndescription: x\n---\n${'step\n'.repeat(500)}`);
    expect(errors(files)).toEqual(['The body is 501 lines; keep it under 500.']);
  });
});

describe('frontmatter', () => {
  it('writes what it reads back, whatever the strings hold', () => {
    const data = {
      name: 'file-a-ticket',
      description: 'Says "hi": yes # no \\ back\nslash',
      metadata: { version: '1.0.0', generator: 'pack2skill 0.2.0' },
    };
    const parsed = parseFrontmatter(`${writeFrontmatter(data)}# Body\n`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual(data);
    expect(parsed.body).toBe('# Body\n');
  });

  it('refuses what YAML or a line reader would misread, naming the line', () => {
    const errorsOf = (lines: string) => parseFrontmatter(`---\n${lines}\n---\n`).errors;
    expect(errorsOf('name: a\nname: b')).toEqual(['frontmatter line 3: map keys must be unique']);
    expect(errorsOf('name: "open')).toEqual([expect.stringMatching(/^frontmatter line \d: missing closing/)]);
    expect(errorsOf('metadata:\n  deep:\n    more: x')).toEqual([
      'frontmatter line 3: "deep" nests deeper than one level',
    ]);
    expect(errorsOf('allowed-tools: [Read, Bash]')).toEqual([
      'frontmatter line 2 (allowed-tools): the value contains YAML syntax (": ", " #" or a leading symbol) and must be quoted',
    ]);
    expect(errorsOf('description: |\n  two\n  lines')).toEqual([
      'frontmatter line 2 (description): write the value on one line (block scalars are not supported here)',
      'frontmatter line 3: expected "key: value", got "two"',
      'frontmatter line 4: expected "key: value", got "lines"',
    ]);
  });

  it('keeps plain values as written, numbers and booleans included', () => {
    const parsed = parseFrontmatter('---\nname: a\nmetadata:\n  version: 1.0\n  beta: yes\n---\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual({ name: 'a', metadata: { version: '1.0', beta: 'yes' } });
  });
});
