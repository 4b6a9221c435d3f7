/**
 * Money arithmetic in integer minor units, so that no amount is ever rounded.
 * @module
 */
import type { Money } from './order.ts';

/**
 * @example times({ amount: 1900, currency: 'EUR' }, 3) // { amount: 5700, currency: 'EUR' }
 */
export function times(price: Money, quantity: number): Money {
  return { amount: price.amount * quantity, currency: price.currency };
}

/**
 * Adds amounts of one currency.
 * @returns the sum, or undefined when the amounts are in different currencies (or there are none)
 * @example sum([{ amount: 12900, currency: 'EUR' }, { amount: 3800, currency: 'EUR' }]) // 16700 EUR
 */
export function sum(amounts: readonly Money[]): Money | undefined {
  const currency = amounts[0]?.currency;
  if (currency === undefined || amounts.some((money) => money.currency !== currency)) return undefined;
  return { amount: amounts.reduce((total, money) => total + money.amount, 0), currency };
}
