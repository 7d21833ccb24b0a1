import { describe, expect, it } from 'vitest';
import { parsePythonLiteral } from './python-literal';

describe('parsePythonLiteral', () => {
  it('reads what str(dict) writes', () => {
    expect(
      parsePythonLiteral(
        "{'event_type': 'mouse_down', 'details': {'button': 'Button.left'}, 'cursor_pos': (632, 1311), 'ok': True, 'path': None, 'x': -1.5e2, 'q': \"it's\", 'esc': 'a\\'b\\n\\x41'}",
      ),
    ).toEqual({
      event_type: 'mouse_down',
      details: { button: 'Button.left' },
      cursor_pos: [632, 1311],
      ok: true,
      path: null,
      x: -150,
      q: "it's",
      esc: "a'b\nA",
    });
    expect(parsePythonLiteral('{"a": [1, 2,], "b": null}')).toEqual({ a: [1, 2], b: null });
  });

  it('never evaluates: anything but a literal is an error with its place', () => {
    expect(() => parsePythonLiteral("{'a': __import__('os')}")).toThrow(/unexpected "_" at character 7/);
    expect(() => parsePythonLiteral("{'a': 1")).toThrow(/expected "," or "}"/);
    expect(() => parsePythonLiteral("'open")).toThrow(/unclosed string/);
  });
});
