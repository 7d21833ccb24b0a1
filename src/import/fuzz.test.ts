/**
 * Every parser and importer of files a person picks, fed 1 000 mutations of
 * real inputs each (bytes flipped, cut short, spans dropped or repeated, deep
 * nesting, huge numbers, repeated and "__proto__" keys): each input is read or
 * refused with the parser's own error and a message; nothing throws anything
 * else, hangs, or reaches the prototype.
 */
import { describe, expect, it } from 'vitest';
import { defaultBurstSettings } from '../analyze/segment/bursts';
import { parseFrontmatter } from '../skill/frontmatter';
import { defaultCloudSettings } from '../storage/settings';
import { parseYaml, YamlError } from '../shared/yaml';
import { mapPackSession, parsePackAggregations, parsePackEvents, SessionError } from './pack-session';
import { importPack2SkillConfig } from './pack2skill-config';
import { mapSessionEvents, readSessionFile } from './pack2skill-session';
import { LiteralError, parsePythonLiteral } from './python-literal';

const RUNS = 1000;

function mutator(seed: number) {
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % Math.max(1, n);
  };
  const SPECIALS = [
    '{',
    '}',
    '[',
    ']',
    '(',
    ')',
    "'",
    '"',
    ':',
    ',',
    '\\',
    '\n',
    '#',
    '-',
    '&',
    '*',
    '!',
    '|',
    '>',
    '\u0000',
    'é',
    '😀',
  ];
  const INSERTS = [
    '1e999',
    '-1e999',
    'NaN',
    'Infinity',
    "'__proto__': {'polluted': 1}, ",
    '"__proto__": {"polluted": 1}, ',
    '__proto__: {polluted: 1}\n',
    '['.repeat(5000),
    '{'.repeat(5000),
    '- '.repeat(3000),
    '&a [*a, *a, *a, *a]\n',
  ];
  return (text: string): string => {
    const at = random(text.length + 1);
    switch (random(7)) {
      case 0:
        return text.slice(0, at) + SPECIALS[random(SPECIALS.length)]! + text.slice(at + 1);
      case 1:
        return text.slice(0, at);
      case 2:
        return text.slice(0, at) + text.slice(at + 1 + random(40));
      case 3: {
        const span = text.slice(at, at + 1 + random(60));
        return text.slice(0, at) + span + span + text.slice(at);
      }
      case 4:
        return text.slice(0, at) + INSERTS[random(INSERTS.length)]! + text.slice(at);
      case 5:
        return text.replace(/\d+/, String(10 ** (1 + random(400))));
      default:
        return text + text.slice(0, random(text.length));
    }
  };
}

/** Runs `read` on RUNS mutations of `base`; every failure must be one of `errors`, with a message. */
function fuzz(base: string, read: (text: string) => unknown, errors: (new (...args: never[]) => Error)[], seed = 1) {
  const mutate = mutator(seed);
  let refused = 0;
  for (let i = 0; i < RUNS; i++) {
    const input = mutate(i % 3 === 0 ? mutate(base) : base);
    try {
      read(input);
    } catch (error) {
      expect(
        errors.some((kind) => error instanceof kind),
        `${String(error)} for ${JSON.stringify(input.slice(0, 200))}`,
      ).toBe(true);
      expect((error as Error).message.length).toBeGreaterThan(0);
      refused++;
    }
  }
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  return refused;
}

const PACK_LINE = `{'timestamp': '2025-07-17_10-06-48-566158', 'event_type': 'mouse_down', 'details': {'button': 'Button.left', 'key': 'a'}, 'monitor': {'left': 0, 'top': 1200}, 'cursor_pos': (632, 1311), 'screenshot_path': '/home/u/logs/screenshots/b.jpg'}`;
const PACK = [
  PACK_LINE,
  PACK_LINE.replace('mouse_down', 'mouse_up').replace('48-566158', '48-681458'),
  `{"timestamp": 1752746809.1, "event_type": "key_press", "details": {"key": "Key.enter", "x": 5, "y": 6}}`,
].join('\n');
const SESSION_01 = JSON.stringify({
  name: 'File a ticket',
  description: 'Files a ticket',
  video_path: 'recording.mp4',
  events_path: 'events.json',
  framerate: 30,
  resolution: [1920, 1080],
});
const EVENTS_01 = JSON.stringify([
  { t: 1.5, type: 'click', x: 100, y: 200, button: 'Button.left' },
  { t: 2, type: 'keystroke', key: "'h'" },
  { t: 2.1, type: 'keystroke', key: 'Key.enter' },
]);
const CONFIG = `analysis:\n  vlm_backend: "gemini"\n  gemini:\n    api_key: "\${GEMINI_API_KEY}"\n    model: "gemini-2.5-pro"\nburst_detection:\n  min_duration: 0.5\n  merge_gap: 1.0\n`;
const FRONTMATTER = `---\nname: file-a-ticket\ndescription: "Files a ticket. Use when asked."\nmetadata:\n  version: "1.0.0"\n---\n# Body\n`;

describe('fuzzed inputs are read or refused with a message', () => {
  it('Python literals and JSON', { timeout: 60_000 }, () => {
    expect(fuzz(PACK_LINE, parsePythonLiteral, [LiteralError])).toBeGreaterThan(100);
    const parsed = parsePythonLiteral("{'__proto__': {'polluted': 1}, 'a': 1}") as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(() => parsePythonLiteral('['.repeat(100_000))).toThrow(LiteralError);
    expect(() => parsePythonLiteral('{"t": 1e999}')).toThrow(/number out of range/);
  });

  it(
    'pack sessions (events.jsonl, aggregations.jsonl), mapped onto events with finite times and points',
    { timeout: 60_000 },
    () => {
      fuzz(
        PACK,
        (text) => {
          const events = parsePackEvents(text);
          const mapped = mapPackSession(events, new Set(['b.jpg']));
          for (const event of mapped.events) {
            expect(Number.isFinite(event.t)).toBe(true);
            if (event.point) expect(Number.isFinite(event.point.x) && Number.isFinite(event.point.y)).toBe(true);
          }
        },
        [SessionError],
        2,
      );
      fuzz(PACK, parsePackAggregations, [SessionError], 3);
    },
  );

  it('pack2skill 0.1 session files and events', { timeout: 60_000 }, () => {
    const readJson = (text: string) => {
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw new SessionError(`not JSON (${(error as Error).message})`);
      }
    };
    fuzz(SESSION_01, (text) => readSessionFile(readJson(text), 'session.json'), [SessionError], 4);
    fuzz(
      EVENTS_01,
      (text) => {
        for (const event of mapSessionEvents(readJson(text), 'events.json')) {
          expect(Number.isFinite(event.t)).toBe(true);
          if (event.point) expect(Number.isFinite(event.point.x) && Number.isFinite(event.point.y)).toBe(true);
        }
      },
      [SessionError],
      5,
    );
  });

  it('YAML: configuration files and skill frontmatter', { timeout: 60_000 }, () => {
    fuzz(CONFIG, (text) => parseYaml(text, { scalars: 'python' }), [YamlError], 6);
    fuzz(CONFIG, (text) => importPack2SkillConfig(text, defaultBurstSettings, defaultCloudSettings), [Error], 7);
    fuzz(
      FRONTMATTER,
      (text) => {
        const { errors } = parseFrontmatter(text);
        for (const message of errors) expect(message.length).toBeGreaterThan(0);
      },
      [],
      8,
    );
    const aliasBomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n`;
    expect(() => parseYaml(aliasBomb, { scalars: 'python' })).toThrow(YamlError);
  });
});
