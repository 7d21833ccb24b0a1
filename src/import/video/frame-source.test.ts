import { describe, expect, it } from 'vitest';
import { chooseDecoder } from './decoder-choice';
import { explainFailure, parseDuration, parseTime, segmentArgs } from './ffmpeg-source';
import { MAX_WIDTH, sampledWidth, sampleTimes } from './frame-source';

describe('sampling a video', () => {
  it('samples six times a second from the first frame, never past the end', () => {
    const ms = (times: number[]) => times.map((t) => Math.round(t * 1000));
    expect(ms(sampleTimes(0, 1.1))).toEqual([0, 167, 333, 500, 667, 833, 1000]);
    expect(ms(sampleTimes(0.5, 0.5))).toEqual([500, 667, 833]);
    expect(ms(sampleTimes(0, 0.5))).toEqual([0, 167, 333]);
    // A video shorter than one sample still gives its first frame.
    expect(sampleTimes(0, 0.1)).toEqual([0]);
  });

  it('samples the last frame too, where the samples stop short of it', () => {
    const ms = (times: number[]) => times.map((t) => Math.round(t * 1000));
    // A tab recording's WebM ends on the frame of its last change, with no length of its own:
    // the samples inside the video end 48 ms before that frame, which shows the workflow's end.
    expect(ms(sampleTimes(0, 11.381, 11.381)).slice(-3)).toEqual([11167, 11333, 11381]);
    expect(ms(sampleTimes(0.5, 0.55, 1.01))).toEqual([500, 667, 833, 1000, 1010]);
    // A sample that already shows it (within a millisecond) is not taken twice.
    expect(ms(sampleTimes(0, 1.1, 1.0004))).toEqual([0, 167, 333, 500, 667, 833, 1000]);
    expect(ms(sampleTimes(0, 1.1, 0.9))).toEqual([0, 167, 333, 500, 667, 833, 1000]);
  });

  it('scales wide videos down to an even width of at most MAX_WIDTH', () => {
    expect(sampledWidth(3840)).toBe(MAX_WIDTH);
    expect(sampledWidth(1280)).toBe(1280);
    expect(sampledWidth(1001)).toBe(1000);
    expect(sampledWidth(1)).toBe(2);
  });
});

describe('choosing the decoder', () => {
  it('uses ffmpeg.wasm where there is no WebCodecs, and obeys ?decoder=', () => {
    // Node has no VideoDecoder.
    expect(chooseDecoder('')).toBe('ffmpeg');
    expect(chooseDecoder('?decoder=webcodecs')).toBe('webcodecs');
    expect(chooseDecoder('?decoder=ffmpeg')).toBe('ffmpeg');
    expect(chooseDecoder('?decoder=nonsense')).toBe('ffmpeg');
  });

  it('uses WebCodecs where the browser has it', () => {
    const global = globalThis as { VideoDecoder?: unknown };
    global.VideoDecoder = class {};
    try {
      expect(chooseDecoder('')).toBe('webcodecs');
      expect(chooseDecoder('?decoder=ffmpeg')).toBe('ffmpeg');
    } finally {
      delete global.VideoDecoder;
    }
  });
});

describe('ffmpeg.wasm', () => {
  it('finds the duration and the progress in its log', () => {
    expect(parseTime('frame=   10 fps=0.0 q=-0.0 size=N/A time=00:00:05.00 bitrate=N/A')).toBe(5);
    expect(parseTime('frame=    0 fps=0.0 q=-0.0 size=N/A time=N/A bitrate=N/A')).toBeNull();
    expect(parseDuration('  Duration: 00:01:02.50, start: 0.000000, bitrate: 12 kb/s')).toBe(62.5);
    expect(parseDuration('Duration: N/A, start: 0')).toBeNull();
  });

  it('reads a segment by seeking the input, sampled and scaled as the import wants', () => {
    expect(segmentArgs('/input/a b.mp4', 120, 60)).toEqual([
      '-nostdin',
      '-ss',
      '120',
      '-t',
      '60',
      '-i',
      '/input/a b.mp4',
      '-an',
      '-vf',
      "fps=6:eof_action=pass,scale='min(1280,iw)':-2",
      '-f',
      'image2',
      '/out/f%06d.png',
    ]);
  });

  it('explains failures in words, naming the file', () => {
    expect(explainFailure(['[mov,mp4] moov atom not found'], 'a.mp4')).toBe(
      'a.mp4 is damaged or not a video (ffmpeg cannot read it)',
    );
    expect(explainFailure(['Decoder (codec hevc) not found for input stream'], 'b.mkv')).toMatch(
      /b\.mkv uses a video codec/,
    );
    expect(explainFailure(['Output file #0 does not contain any stream'], 'c.avi')).toBe('c.avi has no video stream');
    expect(explainFailure(['', 'something odd'], 'd.webm')).toBe('ffmpeg could not read d.webm (something odd)');
  });
});
