import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from './frontmatter';
import { renameFiles, importSkillZip } from './library';
import { validateSkill } from './validate';

describe('renameFiles', () => {
  it('moves the folder and sets the name in SKILL.md, keeping everything else', () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const files = new Map([
      [
        'weekly-report/SKILL.md',
        encode(
          '---\nname: weekly-report\ndescription: "Sends it. Use when asked."\nmetadata:\n  version: "2.1"\n---\n# Weekly\n\n1. Open [the list](references/list.md)\n',
        ),
      ],
      ['weekly-report/references/list.md', encode('# List\n')],
    ]);
    const renamed = renameFiles(files, 'weekly-report', 'monthly-report');
    expect([...renamed.keys()]).toEqual(['monthly-report/SKILL.md', 'monthly-report/references/list.md']);
    const { data, body } = parseFrontmatter(new TextDecoder().decode(renamed.get('monthly-report/SKILL.md')));
    expect(data).toEqual({
      name: 'monthly-report',
      description: 'Sends it. Use when asked.',
      metadata: { version: '2.1' },
    });
    expect(body).toBe('# Weekly\n\n1. Open [the list](references/list.md)\n');
    expect(validateSkill(renamed).filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('importSkillZip', () => {
  it('names every problem of an invalid skill, each as a sentence, and stores nothing', async () => {
    const zip = new JSZip();
    zip.file('data.json', '{}');
    zip.file('readme.txt', 'x');
    const loose = new Blob([await zip.generateAsync({ type: 'arraybuffer' })]);
    await expect(importSkillZip(loose)).rejects.toThrow(
      'This is not a valid skill: Files lie at the root of the zip (data.json, readme.txt): it must hold one folder only. The zip must hold exactly one folder; it holds 0.',
    );
    // A message without a full stop of its own gets one before the next.
    const bare = new JSZip();
    bare.file('s/SKILL.md', '# No frontmatter');
    await expect(importSkillZip(new Blob([await bare.generateAsync({ type: 'arraybuffer' })]))).rejects.toThrow(
      /^This is not a valid skill: SKILL\.md must start with YAML frontmatter between two "---" lines\. The frontmatter has no name\./,
    );
  });
});
