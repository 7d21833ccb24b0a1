import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from './frontmatter';
import { renameFiles } from './library';
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
