/**
 * What an order keeps of how it is paid: never the secret (card token, full voucher code).
 * @module
 */
import type { PaymentMethod, PaymentSummary } from './order.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Summarises a payment method for the order. A card's last four digits are only known to the
 * payment provider, so `cardLast4` stays absent until a provider integration fills it in.
 * @example summarizePayment({ method: 'invoice', dueInDays: 30 }, new Date('2025-06-03T10:15:00Z'))
 * // { method: 'invoice', dueDate: '2025-07-03' }
 */
export function summarizePayment(payment: PaymentMethod, placedAt: Date): PaymentSummary {
  switch (payment.method) {
    case 'card':
      return { method: 'card' };
    case 'invoice': {
      // Due dates are calendar dates in UTC, the same for every reader.
      const dueDate = new Date(placedAt.getTime() + payment.dueInDays * DAY_MS).toISOString().slice(0, 10);
      return payment.purchaseOrder === undefined
        ? { method: 'invoice', dueDate }
        : { method: 'invoice', purchaseOrder: payment.purchaseOrder, dueDate };
    }
    case 'voucher':
      return { method: 'voucher', voucherCode: maskVoucher(payment.code) };
  }
}

/**
 * Masks all but the last group, so the code cannot be redeemed by whoever reads the order.
 * @example maskVoucher('SPRG-25AB-X9Q1') // '****-****-X9Q1'
 */
export function maskVoucher(code: string): string {
  const groups = code.split('-');
  return groups.map((group, i) => (i === groups.length - 1 ? group : '*'.repeat(group.length))).join('-');
}
