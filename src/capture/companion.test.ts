// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL } from '../../extension/src/protocol';
import { watchCompanion } from './companion';

/** An extension whose worker answers `hello` only from the `wakesOn`-th time it is asked. */
function fakeExtension(wakesOn: number) {
  let asked = 0;
  const listener = (event: MessageEvent<{ channel?: string; type?: string }>) => {
    if (event.data?.channel !== CHANNEL || event.data.type !== 'hello') return;
    if (++asked < wakesOn) return;
    const data = { channel: CHANNEL, type: 'ready', version: '0.2.0' };
    window.dispatchEvent(new MessageEvent('message', { data, origin: location.origin, source: window }));
  };
  window.addEventListener('message', listener);
  return { asked: () => asked, remove: () => window.removeEventListener('message', listener) };
}

describe('watchCompanion', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says the version at once when the extension answers', async () => {
    const extension = fakeExtension(1);
    const answers: (string | null)[] = [];
    watchCompanion((v) => answers.push(v));
    await vi.advanceTimersByTimeAsync(20000);
    expect(answers).toEqual(['0.2.0']);
    extension.remove();
  });

  it('asks again while a slow extension has not answered, and takes its late answer', async () => {
    const extension = fakeExtension(3); // asleep for the first two hellos
    const answers: (string | null)[] = [];
    watchCompanion((v) => answers.push(v));
    await vi.advanceTimersByTimeAsync(20000);
    expect(answers).toEqual([null, '0.2.0']);
    expect(extension.asked()).toBe(3); // and no more once it answered
    extension.remove();
  });

  it('says it is not there, and stops asking, where no extension answers', async () => {
    const counter = fakeExtension(Infinity);
    const answers: (string | null)[] = [];
    watchCompanion((v) => answers.push(v));
    await vi.advanceTimersByTimeAsync(60000);
    expect(answers).toEqual([null]);
    expect(counter.asked()).toBe(5);
    counter.remove();
  });
});
