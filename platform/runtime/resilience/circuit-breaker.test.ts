import { describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError } from './circuit-breaker.ts';

const fail = () => Promise.reject(new Error('down'));
const ok = () => Promise.resolve('up');

function breakerAt() {
  let now = 0;
  const breaker = new CircuitBreaker({ failureThreshold: 2, coolDownMs: 1000, now: () => now });
  return { breaker, advance: (ms: number) => (now += ms) };
}

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures and then fails fast without calling', async () => {
    const { breaker } = breakerAt();
    await expect(breaker.call(fail)).rejects.toThrow('down');
    expect(breaker.state).toBe('closed');
    await expect(breaker.call(fail)).rejects.toThrow('down');
    expect(breaker.state).toBe('open');
    let called = false;
    const operation = async () => {
      called = true;
      return 'x';
    };
    await expect(breaker.call(operation)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(false);
  });

  it('a success resets the count of failures', async () => {
    const { breaker } = breakerAt();
    await expect(breaker.call(fail)).rejects.toThrow();
    await breaker.call(ok);
    await expect(breaker.call(fail)).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });

  it('lets one probe through after the cool-down; success closes the circuit', async () => {
    const { breaker, advance } = breakerAt();
    await expect(breaker.call(fail)).rejects.toThrow();
    await expect(breaker.call(fail)).rejects.toThrow();
    advance(999);
    expect(breaker.state).toBe('open');
    advance(1);
    expect(breaker.state).toBe('half-open');
    await expect(breaker.call(ok)).resolves.toBe('up');
    expect(breaker.state).toBe('closed');
  });

  it('a failed probe opens the circuit for another cool-down', async () => {
    const { breaker, advance } = breakerAt();
    await expect(breaker.call(fail)).rejects.toThrow();
    await expect(breaker.call(fail)).rejects.toThrow();
    advance(1000);
    await expect(breaker.call(fail)).rejects.toThrow('down');
    expect(breaker.state).toBe('open');
    advance(500);
    await expect(breaker.call(ok)).rejects.toBeInstanceOf(CircuitOpenError);
  });

  it('admits only one probe at a time while half-open', async () => {
    const { breaker, advance } = breakerAt();
    await expect(breaker.call(fail)).rejects.toThrow();
    await expect(breaker.call(fail)).rejects.toThrow();
    advance(1000);
    let release: (v: string) => void = () => {};
    const probe = breaker.call(() => new Promise<string>((r) => (release = r)));
    await expect(breaker.call(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    release('up');
    await expect(probe).resolves.toBe('up');
  });
});
