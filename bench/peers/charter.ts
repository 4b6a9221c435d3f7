/**
 * charter's Lambda adapter as deployed: the function bundles `charter bundle` builds for the
 * bench contract, imported as Lambda's Node runtime imports them.
 * @module
 */
import { pathToFileURL } from 'node:url';
import type { Operation } from '../lib/events.ts';
import type { Implementation, LambdaEntry } from './types.ts';

const FUNCTION_OF: Record<Operation, 'place-order' | 'get-item'> = {
  placeOrder: 'place-order',
  getItem: 'get-item',
};

async function load(file: string): Promise<LambdaEntry> {
  return ((await import(pathToFileURL(file).href)) as { handler: LambdaEntry }).handler;
}

/**
 * @param bundles paths from the bench project
 * @param lith serve both operations from the per-context (Lambda-lith) bundle
 */
export async function createCharter(
  bundles: { perOperation: (fn: 'place-order' | 'get-item') => string; lith: string },
  lith = false,
): Promise<Implementation> {
  if (lith) {
    const handler = await load(bundles.lith);
    return { name: 'charter (Lambda-lith bundle)', entry: () => handler };
  }
  const functions = {
    placeOrder: await load(bundles.perOperation(FUNCTION_OF.placeOrder)),
    getItem: await load(bundles.perOperation(FUNCTION_OF.getItem)),
  };
  return { name: 'charter (per-operation bundles)', entry: (operation) => functions[operation] };
}
