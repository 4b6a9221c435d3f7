import { describe, expect, it } from 'vitest';
import { chooseStore, type StoreChoice, type StoreEnv } from './choose-store.ts';

const URL = 'postgres://app@db.internal:5432/shop';

describe('chooseStore', () => {
  it.each<[string, { given: StoreEnv; want: StoreChoice }]>([
    ['in memory when nothing is configured', { given: {}, want: { kind: 'memory' } }],
    [
      'PGlite in the directory charter dev gives',
      {
        given: { CHARTER_DATA_DIR: '/p/.charter/data/orders' },
        want: { kind: 'pglite', dataDir: '/p/.charter/data/orders' },
      },
    ],
    [
      'PostgreSQL over PGlite when both are set',
      {
        given: { DATABASE_URL: URL, CHARTER_DATA_DIR: '/d' },
        want: { kind: 'postgres', url: URL, migrate: true },
      },
    ],
    [
      'no migrations on Lambda: the deploy applies them',
      {
        given: { DATABASE_URL: URL, AWS_LAMBDA_FUNCTION_NAME: 'orders-get-order' },
        want: { kind: 'postgres', url: URL, migrate: false },
      },
    ],
    [
      'migrations on Lambda when asked',
      {
        given: { DATABASE_URL: URL, AWS_LAMBDA_FUNCTION_NAME: 'migrate', CHARTER_MIGRATE: 'apply' },
        want: { kind: 'postgres', url: URL, migrate: true },
      },
    ],
    [
      'no migrations elsewhere when asked',
      {
        given: { DATABASE_URL: URL, CHARTER_MIGRATE: 'skip' },
        want: { kind: 'postgres', url: URL, migrate: false },
      },
    ],
    [
      'empty values count as unset',
      { given: { DATABASE_URL: '', CHARTER_DATA_DIR: '' }, want: { kind: 'memory' } },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(chooseStore(given)).toEqual(want);
  });

  it('fails if CHARTER_MIGRATE is neither apply nor skip', () => {
    expect(() => chooseStore({ DATABASE_URL: URL, CHARTER_MIGRATE: 'yes' })).toThrow(
      'CHARTER_MIGRATE must be "apply" or "skip", not "yes".',
    );
  });
});
