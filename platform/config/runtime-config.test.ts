/**
 * `contexts.<ctx>.runtime`, `.container` and `.database`: defaults, and every problem named by
 * its JSON pointer with the fix.
 */
import { describe, expect, it } from 'vitest';
import {
  checkRuntimeSettings,
  containerConfig,
  contextRuntime,
  DEFAULT_CONTAINER,
  databaseConfig,
} from './runtime-config.ts';

const problemsOf = (context: Record<string, unknown>) => {
  const problems: string[] = [];
  checkRuntimeSettings(context, '/contexts/recs', problems);
  return problems;
};

describe('runtime settings', () => {
  it.each([
    ['lambda by default', { given: {}, want: [] }],
    ['fargate with defaults', { given: { runtime: 'fargate' }, want: [] }],
    [
      'fargate sized and bounded',
      {
        given: { runtime: 'fargate', container: { cpu: 1024, memoryMb: 4096, minTasks: 1, maxTasks: 4 } },
        want: [],
      },
    ],
    ['a database with defaults', { given: { database: true }, want: [] }],
    [
      'an unknown runtime',
      {
        given: { runtime: 'ec2' },
        want: ['/contexts/recs/runtime: "ec2" is not a runtime; use "lambda" or "fargate"'],
      },
    ],
    [
      'container settings on a Lambda context',
      {
        given: { container: { cpu: 512 } },
        want: [
          '/contexts/recs/container: only a context with "runtime": "fargate" runs in a container; set it or remove this',
        ],
      },
    ],
    [
      'a CPU and memory pair Fargate does not offer',
      {
        given: { runtime: 'fargate', container: { cpu: 256, memoryMb: 4096 } },
        want: [
          '/contexts/recs/container/memoryMb: 4096 does not fit 256 CPU units; use a multiple of 1024 from 512 to 2048',
        ],
      },
    ],
    [
      'more minimum than maximum tasks',
      {
        given: { runtime: 'fargate', container: { minTasks: 5, maxTasks: 2 } },
        want: ['/contexts/recs/container/maxTasks: 2 is below minTasks 5; raise it'],
      },
    ],
    [
      'capacity outside Aurora Serverless v2 units',
      {
        given: { database: { minCapacity: 0.3, maxCapacity: 300 } },
        want: [
          '/contexts/recs/database/minCapacity: 0.3 is not an Aurora capacity; use 0 to 256 in steps of 0.5',
          '/contexts/recs/database/maxCapacity: 300 is not an Aurora capacity; use 0 to 256 in steps of 0.5',
        ],
      },
    ],
  ] as const)('%s', (_name, { given, want }) => {
    expect(problemsOf(given as Record<string, unknown>)).toEqual(want);
  });

  it('takes the runtime from the config, else the contract (x-charter-runtime), else Lambda', () => {
    const contract = { 'x-charter-runtime': 'fargate' };
    expect(contextRuntime('lambda', contract, 'c.yaml')).toBe('lambda');
    expect(contextRuntime(undefined, contract, 'c.yaml')).toBe('fargate');
    expect(contextRuntime(undefined, {}, 'c.yaml')).toBe('lambda');
    expect(() => contextRuntime(undefined, { 'x-charter-runtime': 'ec2' }, 'c.yaml')).toThrow(
      'c.yaml#/x-charter-runtime: "ec2" is not a runtime; use "lambda" or "fargate"',
    );
  });

  it('fills defaults', () => {
    expect(containerConfig(undefined)).toEqual(DEFAULT_CONTAINER);
    expect(databaseConfig(undefined, 'orders')).toBeUndefined();
    expect(databaseConfig(true, 'shop-orders')).toEqual({
      minCapacity: 0.5,
      maxCapacity: 4,
      databaseName: 'shop_orders',
    });
  });
});
