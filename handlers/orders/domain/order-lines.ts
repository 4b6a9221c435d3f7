/**
 * Rules on the lines of a new order that the contract's schema cannot express.
 * @module
 */
import type { NewOrderLine } from './order.ts';

/** A line whose product already appears on an earlier line. */
export interface DuplicateLine {
  readonly index: number;
  readonly firstIndex: number;
  readonly productId: string;
}

/**
 * Each product may appear on one line only; lists every line that repeats an earlier one.
 * @example duplicateLines([{ productId: 'a', quantity: 1 }, { productId: 'a', quantity: 2 }])
 * // [{ index: 1, firstIndex: 0, productId: 'a' }]
 */
export function duplicateLines(lines: readonly NewOrderLine[]): DuplicateLine[] {
  const first = new Map<string, number>();
  const duplicates: DuplicateLine[] = [];
  lines.forEach((line, index) => {
    const firstIndex = first.get(line.productId);
    if (firstIndex === undefined) first.set(line.productId, index);
    else duplicates.push({ index, firstIndex, productId: line.productId });
  });
  return duplicates;
}
