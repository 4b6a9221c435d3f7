/**
 * What every SignalRepository must do, run against each implementation: in memory and PGlite
 * (the SQL that Aurora runs). A case that passes on one and fails on another is a bug in that one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenSubject, repositorySubjects } from '../sql-test-support.ts';
import { InMemorySignalRepository, type SignalData } from './in-memory-repository.ts';
import type { SignalRepository } from './repository.ts';
import { insertSignals, SqlSignalRepository } from './sql-repository.ts';

const shoe = 'p-shoe';
const sock = 'p-sock';
const vest = 'p-vest';
const lamp = 'p-lamp';

// Lists deliberately out of any sorted order: they must come back as stored.
const data: SignalData = {
  products: {
    [shoe]: {
      similar: [
        { productId: vest, weight: 0.81 },
        { productId: lamp, weight: 0.1 + 0.2 },
      ],
      boughtTogether: [
        { productId: sock, count: 48 },
        { productId: vest, count: 21 },
      ],
    },
    [lamp]: { similar: [], boughtTogether: [] },
  },
  trending: [
    { productId: sock, weight: 0.9 },
    { productId: lamp, weight: 0.44 },
    { productId: shoe, weight: 0.5 },
  ],
  users: {
    u_runner: { purchased: [shoe, sock], viewed: [lamp] },
    u_new: { purchased: [], viewed: [] },
  },
  sessions: { s_1: [vest, lamp] },
};

const subjects = repositorySubjects<SignalData, SignalRepository>({
  context: 'recommendations',
  memory: (signals) => new InMemorySignalRepository(signals),
  sql: async (db, signals) => {
    await db.transaction((tx) => insertSignals(tx, signals));
    return new SqlSignalRepository(db);
  },
});

describe.each(subjects)('SignalRepository: $name', (subject) => {
  let store: OpenSubject<SignalData, SignalRepository>;
  let signals: SignalRepository;
  beforeAll(async () => {
    store = await subject.open();
    signals = await store.given(data);
  });
  afterAll(() => store?.close());

  it.each<[string, { given: string; want: unknown }]>([
    ['a product’s signals, in stored order', { given: shoe, want: data.products[shoe] }],
    ['a known product without signals', { given: lamp, want: { similar: [], boughtTogether: [] } }],
    ['nothing for an unknown product', { given: 'p-unknown', want: undefined }],
    ['nothing for a name Object.prototype has', { given: 'constructor', want: undefined }],
  ])('reads %s', async (_name, { given, want }) => {
    expect(await signals.productSignals(given)).toEqual(want);
  });

  it('reads what is trending, in stored order', async () => {
    expect(await signals.trending()).toEqual(data.trending);
  });

  it.each<[string, { given: string; want: unknown }]>([
    ['a shopper’s history', { given: 'u_runner', want: data.users.u_runner }],
    ['a known shopper without history', { given: 'u_new', want: { purchased: [], viewed: [] } }],
    ['nothing for an unknown shopper', { given: 'u_unknown', want: undefined }],
    ['nothing for a name Object.prototype has', { given: '__proto__', want: undefined }],
  ])('reads %s', async (_name, { given, want }) => {
    expect(await signals.userHistory(given)).toEqual(want);
  });

  it.each<[string, { given: string; want: readonly string[] }]>([
    ['a session’s views, in order', { given: 's_1', want: [vest, lamp] }],
    ['no views for an unknown session', { given: 's_unknown', want: [] }],
  ])('reads %s', async (_name, { given, want }) => {
    expect(await signals.sessionViews(given)).toEqual(want);
  });
});
