/**
 * Peak and current memory of this process, for the memory the streamed Z′ pipeline needs (the seed
 * kept 10 % of its data because data frames filled its RAM).
 *
 * Used by notebook 05-zprime and `bench/zprime.ts`.
 */

/** Peak and current memory of this process, MB: maxRSS (getrusage), RSS, V8 heap and array buffers. */
export function memoryReport(): { peakRssMB: number; rssMB: number; heapUsedMB: number; arrayBuffersMB: number } {
  const m = process.memoryUsage();
  return {
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    rssMB: m.rss / 2 ** 20,
    heapUsedMB: m.heapUsed / 2 ** 20,
    arrayBuffersMB: m.arrayBuffers / 2 ** 20,
  };
}
