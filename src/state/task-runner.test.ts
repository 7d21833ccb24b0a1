import { describe, expect, it } from 'vitest';
import { TaskRunner } from './task-runner';

describe('TaskRunner', () => {
  it('a new task makes the one in flight stale and aborts its signal', () => {
    const runner = new TaskRunner();
    const first = runner.start();
    expect(first.stale).toBe(false);
    const second = runner.start();
    expect(first.stale).toBe(true);
    expect(first.signal.aborted).toBe(true);
    expect(second.stale).toBe(false);
    expect(runner.finish(first)).toBe(false);
    expect(runner.running).toBe(true);
    expect(runner.finish(second)).toBe(true);
    expect(runner.running).toBe(false);
  });

  it('a finished task turns stale when a newer one starts, though nothing aborted it', () => {
    const runner = new TaskRunner();
    const shown = runner.start();
    runner.finish(shown);
    expect(shown.stale).toBe(false);
    runner.start();
    expect(shown.signal.aborted).toBe(false);
    expect(shown.stale).toBe(true);
  });

  it('cancel aborts the current task and says whether there was one', () => {
    const runner = new TaskRunner();
    expect(runner.cancel()).toBe(false);
    const task = runner.start();
    expect(runner.cancel()).toBe(true);
    expect(task.stale).toBe(true);
    expect(runner.finish(task)).toBe(false);
    expect(runner.running).toBe(false);
    const finished = runner.start();
    runner.finish(finished);
    expect(runner.cancel()).toBe(false);
    expect(finished.stale).toBe(true);
  });
});
