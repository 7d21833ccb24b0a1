import { describe, expect, it } from 'vitest';
import { workerFailure } from './worker-error';

describe('workerFailure', () => {
  it('keeps the name and message of errors and DOMExceptions, in a shape postMessage carries', () => {
    expect(workerFailure('load', new TypeError('no adapter'))).toEqual({
      stage: 'load',
      name: 'TypeError',
      message: 'no adapter',
    });
    const quota = workerFailure('keyframes', new DOMException('', 'QuotaExceededError'));
    expect(quota).toEqual({ stage: 'keyframes', name: 'QuotaExceededError', message: 'QuotaExceededError' });
    expect(structuredClone(quota)).toEqual(quota);
    expect(workerFailure('frame', 'lost')).toEqual({ stage: 'frame', name: 'Error', message: 'lost' });
  });
});
