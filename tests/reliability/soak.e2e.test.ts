/**
 * The soak as CI runs it: 10 s at 64 connections on loopback (`npm run soak -- --seconds N` runs
 * it longer). No answer outside the expected 2xx/4xx, and memory after warm-up grows under 10%.
 */
import { describe, expect, it } from 'vitest';
import { runSoak } from '../../scripts/soak/run-soak.ts';

describe('soak', () => {
  it('holds for 10 s at 64 connections: no unexpected answer, memory growth under 10%', async () => {
    const result = await runSoak({ seconds: 10 });
    console.log(JSON.stringify(result));
    expect(result.requests).toBeGreaterThan(1000);
    expect(result.unexpected).toBe(0);
    for (const status of Object.keys(result.statusCounts)) expect(Number(status)).toBeLessThan(500);
    expect(result.rssGrowthPercent).toBeLessThan(10);
  }, 120_000);
});
