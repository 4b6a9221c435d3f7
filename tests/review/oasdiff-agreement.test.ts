/**
 * charter diff against oasdiff's own labelled test pairs (../shared/corpus/diff-pairs/oasdiff,
 * 133 pairs from oasdiff's checker tests). For each pair this prints whether both tools call
 * it breaking, and it asserts that they agree on at least 95% of the pairs oasdiff labels
 * breaking or not breaking. Every pair where they disagree is listed below with the reason.
 *
 * How a pair's oasdiff verdict is read from expected.tsv:
 * - Rows with oasdiff's default options decide; a pair tested only with non-default options
 *   (`WithDeprecation(beta, stable)`) is run through charter with the same notice policy.
 * - Any ERR row: breaking. Otherwise any WARN row: "potentially breaking" — oasdiff leaves that
 *   call to a human, so these pairs are listed with charter's verdict but not counted either way.
 *   Otherwise: not breaking.
 * - A "not breaking" label from tests that enabled single checks says only that those checks
 *   found nothing. Such a pair is compared with charter's breaking changes inside the same
 *   area (oasdiff's direction/area/kind from rules.tsv); breaking changes charter finds elsewhere
 *   are printed, not hidden.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffContracts } from '../../platform/review/diff/diff-contracts.ts';
import { loadContract } from '../../platform/review/diff/document/load-contract.ts';
import { type Triple, withinChecks } from './oasdiff-areas.ts';

const corpus = resolve('..', 'shared/corpus/diff-pairs/oasdiff');
const present = existsSync(join(corpus, 'expected.tsv'));
if (!present)
  console.log(`oasdiff agreement: skipped, ${corpus} is absent (the shared corpus is present in CI).`);

/** Every pair where charter and oasdiff disagree, and why. */
const DISAGREEMENTS: Record<string, string> = {
  'data/checker/api_security_added_base.yaml -> data/checker/api_security_added_revision.yaml':
    'oasdiff rates api-security-added INFO; a client that called the operation without credentials now gets 401 (the issue names a new security requirement breaking).',
  'data/checker/api_security_global_added_base.yaml -> data/checker/api_security_global_added_revision.yaml':
    'oasdiff rates api-global-security-added INFO; root-level security applies to the operation, so anonymous clients are now refused.',
  'data/checker/api_security_updated_revision.yaml -> data/checker/api_security_updated_base.yaml':
    'oasdiff rates api-security-scope-added INFO; a token granted only write:pets now gets 403 because read:pets is also required.',
  'data/checker/request_property_all_of_added_base.yaml -> data/checker/request_property_all_of_added_revision.yaml':
    'The allOf branch added (Rabbit, and Breed3) is identical to one already there (Cat, Breed1); charter merges allOf, so the request accepts exactly what it did. oasdiff counts branches, not values.',
  'data/checker/response_property_any_of_added_base.yaml -> data/checker/response_property_any_of_added_revision.yaml':
    'oasdiff rates response-body-any-of-added INFO but response-body-one-of-added ERR; charter treats both alike: a response may now carry a variant (Rabbit) a client was never told about.',
  'data/checker/webhook_operation_base.yaml -> data/checker/webhook_operation_revision.yaml':
    'oasdiff reads webhook requests like client requests; the API sends webhooks, so a body that became required is one the consumer now always gets — nothing a consumer built against the base can fail on.',
};

/**
 * Pairs that only differ when counted strictly (a WARN read as "not breaking", a single-check
 * label read as oasdiff's verdict on the whole pair). They are not in the 95% figure above, but
 * they are differences, so they are listed too.
 */
const STRICT_ONLY: Record<string, string> = {
  'data/checker/exclusive_min_max_set_base.yaml -> data/checker/exclusive_min_max_set_revision.yaml':
    'oasdiff: WARN (potentially breaking). charter: breaking — a new exclusiveMinimum/Maximum refuses requests (limit=0) the base accepted.',
  'data/checker/response_property_discriminator_added_revision.yaml -> data/checker/response_property_discriminator_added_property_name_changed.yaml':
    'Labelled by ResponseDiscriminatorUpdatedCheck alone (INFO, agreed). The fixture also renames response properties (petType → petType2), which charter reports as response-body-property-removed; oasdiff with all checks rates that WARN.',
  'data/deprecation/deprecated-future.yaml -> data/deprecation/deprecated-future-2.yaml':
    'Labelled by APISunsetChangedCheck alone (nothing, agreed). The fixture also turns the GET success status 200 into 201, which charter and oasdiff (response-success-status-removed, ERR, with all checks) both call breaking.',
};

interface Row {
  readonly rule: string;
  readonly breaking: string;
  readonly checks: string;
  readonly options: string;
}

function readRows(): Map<string, Row[]> {
  const pairs = new Map<string, Row[]>();
  const lines = readFileSync(join(corpus, 'expected.tsv'), 'utf8').trim().split('\n').slice(1);
  for (const line of lines) {
    const [base, revision, rule, , breaking, checks, , options] = line.split('\t');
    const key = `${base} -> ${revision}`;
    pairs.set(key, [...(pairs.get(key) ?? []), { rule, breaking, checks, options }]);
  }
  return pairs;
}

function readTaxonomy(): Map<string, Triple[]> {
  const taxonomy = new Map<string, Triple[]>();
  for (const line of readFileSync(join(corpus, 'rules.tsv'), 'utf8').trim().split('\n').slice(1)) {
    const [, , check, direction, area, kind] = line.split('\t');
    taxonomy.set(check, [...(taxonomy.get(check) ?? []), [direction as Triple[0], area, kind]]);
  }
  return taxonomy;
}

type Verdict = 'breaking' | 'not breaking' | 'potentially breaking';

describe.skipIf(!present)('agreement with oasdiff on its labelled pairs', () => {
  it('agrees on at least 95% of the pairs labelled breaking or not breaking, and every disagreement is explained', async () => {
    const taxonomy = readTaxonomy();
    const lines: string[] = [];
    const disagreements: string[] = [];
    let agreed = 0;
    let counted = 0;
    let strictAgreed = 0;
    const strictDisagreements: string[] = [];
    const pairs = readRows();
    for (const [key, rows] of pairs) {
      const defaults = rows.filter((r) => r.options === '');
      const considered = defaults.length > 0 ? defaults : rows;
      const policy = /WithDeprecation\((\d+), (\d+)\)/.exec(considered[0].options);
      const oasdiff: Verdict = considered.some((r) => r.breaking === 'yes')
        ? 'breaking'
        : considered.some((r) => r.breaking === 'warn')
          ? 'potentially breaking'
          : 'not breaking';
      const [basePath, headPath] = key.split(' -> ');
      const [base, head] = await Promise.all([
        loadContract(join(corpus, basePath), corpus),
        loadContract(join(corpus, headPath), corpus),
      ]);
      if (!base.ok || !head.ok)
        throw new Error(
          `${key} cannot be compared: ${[...(base.ok ? [] : base.problems), ...(head.ok ? [] : head.problems)].join('; ')}`,
        );
      const changes = diffContracts(base.document, head.document, {
        now: new Date('2026-06-01T00:00:00Z'),
        deprecation: policy ? { betaDays: Number(policy[1]), stableDays: Number(policy[2]) } : undefined,
      });
      const breaking = changes.filter((c) => c.level === 'breaking');
      const singleChecks = considered.every((r) => r.checks.startsWith('single:'));
      const checks = new Set(considered.map((r) => r.checks.replace(/^single:/, '')));
      const inScope =
        oasdiff === 'not breaking' && singleChecks
          ? breaking.filter((c) => withinChecks(c.id, checks, taxonomy))
          : breaking;
      const outOfScope = breaking.filter((c) => !inScope.includes(c));
      const ours = inScope.length > 0;
      const ids = [...new Set(changes.map((c) => `${c.id}:${c.level}`))].join(' ') || '(no changes)';
      if ((oasdiff === 'breaking') === breaking.length > 0) strictAgreed++;
      else strictDisagreements.push(key);
      let mark: string;
      if (oasdiff === 'potentially breaking') {
        mark = '~';
      } else {
        counted++;
        const agrees = (oasdiff === 'breaking') === ours;
        if (agrees) agreed++;
        else disagreements.push(key);
        mark = agrees ? '✓' : '✗';
      }
      const note =
        outOfScope.length > 0
          ? ` where ${[...checks].join(', ')} looks; breaking elsewhere: ${[...new Set(outOfScope.map((c) => c.id))].join(', ')}`
          : '';
      lines.push(
        `${mark} ${key}\n    oasdiff: ${oasdiff} [${considered.map((r) => r.rule).join(', ')}]; charter: ${ours ? 'breaking' : 'not breaking'}${note} [${ids}]`,
      );
    }
    const share = agreed / counted;
    console.log(
      [
        `oasdiff agreement: ${agreed}/${counted} pairs labelled breaking or not breaking (${(share * 100).toFixed(1)}%);`,
        `${pairs.size - counted} pairs oasdiff calls potentially breaking (~);`,
        `all ${pairs.size} pairs counted strictly (WARN as not breaking, every label as oasdiff's whole verdict): ${strictAgreed}/${pairs.size} (${((strictAgreed / pairs.size) * 100).toFixed(1)}%).`,
        ...lines,
      ].join('\n'),
    );
    expect(disagreements.sort()).toEqual(Object.keys(DISAGREEMENTS).sort());
    expect(strictDisagreements.sort()).toEqual(
      [...Object.keys(DISAGREEMENTS), ...Object.keys(STRICT_ONLY)].sort(),
    );
    expect(share).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
