/**
 * Real contracts from the shared corpus compared with an independent copy of themselves: the
 * engine must find nothing (no false positives from $ref cycles, allOf merging, 3.0/3.1 idioms),
 * and it must not fall over. Skipped with a message where ../shared/corpus is absent.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffContracts } from '../../platform/review/diff/diff-contracts.ts';
import { ContractDocument } from '../../platform/review/diff/document/contract-document.ts';
import { loadContract } from '../../platform/review/diff/document/load-contract.ts';

const specs = resolve('..', 'shared/corpus/specs');
const present = existsSync(specs);
if (!present)
  console.log(`corpus self-diff: skipped, ${specs} is absent (the shared corpus is present in CI).`);

describe.skipIf(!present)('a real contract compared with itself', () => {
  it.each([
    'oai-tictactoe.yaml',
    'redocly-museum.yaml',
    'adyen-transfer-webhooks-v4.json',
    'spotify.yaml',
    'box-v2025.0.json',
    'twilio-api-v2010.yaml',
  ])(
    '%s has no changes',
    async (file) => {
      const loaded = await loadContract(join(specs, file), specs);
      if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
      const copy = new ContractDocument(structuredClone(loaded.document.root), 'copy');
      expect(diffContracts(loaded.document, copy)).toEqual([]);
    },
    60_000,
  );
});
