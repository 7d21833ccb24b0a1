/** Whether this browser offers a WebGPU adapter (asked once). */
let answer: Promise<boolean> | null = null;

export function hasWebGpu(): Promise<boolean> {
  answer ??= (async () => {
    if (!('gpu' in navigator) || !navigator.gpu) return false;
    try {
      return (await navigator.gpu.requestAdapter()) !== null;
    } catch {
      return false;
    }
  })();
  return answer;
}
