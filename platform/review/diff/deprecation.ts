/**
 * Deprecation is how a contract gives notice. `deprecated: true` announces that something will
 * go; `x-sunset` (an RFC 3339 date, as in the Sunset header of RFC 8594) promises that it
 * keeps working until then; `x-stability-level` (draft < alpha < beta < stable, default
 * stable) says how much a client may rely on an operation at all. The review treats these as
 * promises: removing something after its notice ran out is fine, anything that breaks or
 * withdraws a promise is breaking, and a notice the review cannot read fails closed.
 * @module
 */
import type { Level } from './change.ts';
import type { Json } from './document/contract-document.ts';

export type Stability = 'draft' | 'alpha' | 'beta' | 'stable';
/** Lowest to highest. @example STABILITY_LEVELS.indexOf('beta') // 2 */
export const STABILITY_LEVELS: readonly Stability[] = ['draft', 'alpha', 'beta', 'stable'];

/** Sunset rules of a team; oasdiff calls the same policy `WithDeprecation(beta, stable)`. */
export interface DeprecationPolicy {
  /** Days of notice a beta operation (or its parameters and properties) must get. @default 0 */
  readonly betaDays: number;
  /** Days of notice for stable ones. @default 0 */
  readonly stableDays: number;
}

export interface Sunset {
  readonly raw: string;
  /** Undefined when `raw` is not a date. */
  readonly date?: Date;
}

export interface Notice {
  readonly deprecated: boolean;
  readonly sunset?: Sunset;
}

/** A finding about notice, before the caller adds where it is. */
export interface NoticeFinding {
  readonly what: string;
  readonly level: Level;
  readonly message: string;
  readonly keyword: 'deprecated' | 'x-sunset' | 'x-stability-level';
}

/** @example noticeOf({ deprecated: true, 'x-sunset': '2030-01-31' }).sunset?.date */
export function noticeOf(node: Json): Notice {
  const raw = node['x-sunset'];
  if (raw === undefined) return { deprecated: node.deprecated === true };
  const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw);
  return { deprecated: node.deprecated === true, sunset: { raw: text, date: parseSunset(text) } };
}

/** @example parseSunset('2030-01-31') // Date; parseSunset('soon') // undefined */
export function parseSunset(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?)?$/.test(text))
    return undefined;
  const date = new Date(text.length === 10 ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(date.getTime())) return undefined;
  // Reject dates the parser silently rolls over, such as 2023-02-30.
  if (text.length === 10 && date.toISOString().slice(0, 10) !== text) return undefined;
  return date;
}

/**
 * What removing something with this notice means.
 * @example removalVerdict({ deprecated: true }, new Date()) // 'after-notice'
 */
export function removalVerdict(notice: Notice, now: Date): 'unannounced' | 'after-notice' | 'before-sunset' {
  if (!notice.deprecated) return 'unannounced';
  if (!notice.sunset) return 'after-notice';
  // An unreadable date cannot be shown to have passed.
  if (!notice.sunset.date || notice.sunset.date.getTime() > now.getTime()) return 'before-sunset';
  return 'after-notice';
}

/**
 * Compares the notice on something present in both contracts.
 * @param days the policy's minimum notice for this item's stability (0: none)
 * @example compareNotice(noticeOf({ deprecated: true, 'x-sunset': '2099-01-01' }), noticeOf({ deprecated: true }), new Date(), 0)
 * // [{ what: 'deprecation-sunset-removed', level: 'breaking', ... }]
 */
export function compareNotice(before: Notice, after: Notice, now: Date, days: number): NoticeFinding[] {
  const out: NoticeFinding[] = [];
  const sunsetChanged = before.sunset?.raw !== after.sunset?.raw;
  if (sunsetChanged && ((before.sunset && !before.sunset.date) || (after.sunset && !after.sunset.date))) {
    const bad = after.sunset && !after.sunset.date ? after.sunset : before.sunset!;
    out.push({
      what: 'deprecation-sunset-unreadable',
      level: 'breaking',
      message: `x-sunset ${JSON.stringify(bad.raw)} is not a date (write YYYY-MM-DD), so the notice cannot be checked`,
      keyword: 'x-sunset',
    });
    return out;
  }
  if (!before.deprecated && after.deprecated) {
    const missing = days > 0 && !after.sunset;
    const tooSoon = days > 0 && after.sunset?.date && daysBetween(now, after.sunset.date) < days;
    if (missing || tooSoon) {
      out.push({
        what: missing ? 'deprecation-sunset-missing' : 'deprecation-sunset-too-soon',
        level: 'breaking',
        message: `deprecated with ${missing ? 'no x-sunset' : `x-sunset ${after.sunset!.raw}`}; the policy asks for at least ${days} days of notice`,
        keyword: missing ? 'deprecated' : 'x-sunset',
      });
    } else {
      out.push({
        what: 'deprecated',
        level: 'info',
        message: `deprecated${after.sunset ? ` (sunset ${after.sunset.raw})` : ''}`,
        keyword: 'deprecated',
      });
    }
    return out;
  }
  if (before.deprecated && !after.deprecated) {
    out.push({
      what: 'reactivated',
      level: 'info',
      message: 'is no longer deprecated',
      keyword: 'deprecated',
    });
    return out;
  }
  if (!after.deprecated || !sunsetChanged) return out;
  if (before.sunset?.date && !after.sunset) {
    out.push({
      what: 'deprecation-sunset-removed',
      level: 'breaking',
      message: `x-sunset ${before.sunset.raw} was removed, withdrawing the promise that it works until then`,
      keyword: 'deprecated',
    });
  } else if (before.sunset?.date && after.sunset?.date && after.sunset.date < before.sunset.date) {
    out.push({
      what: 'deprecation-sunset-moved-earlier',
      level: 'breaking',
      message: `x-sunset moved earlier, from ${before.sunset.raw} to ${after.sunset.raw}`,
      keyword: 'x-sunset',
    });
  } else {
    out.push({
      what: 'deprecation-sunset-changed',
      level: 'info',
      message: `x-sunset ${before.sunset?.raw ?? 'none'} became ${after.sunset?.raw ?? 'none'}`,
      keyword: 'x-sunset',
    });
  }
  return out;
}

/** @example stabilityOf({ 'x-stability-level': 'beta' }) // 'beta' */
export function stabilityOf(node: Json): Stability | { readonly unreadable: string } {
  const raw = node['x-stability-level'];
  if (raw === undefined) return 'stable';
  return STABILITY_LEVELS.includes(raw as Stability) ? (raw as Stability) : { unreadable: String(raw) };
}

/**
 * The notice the policy asks for at a stability level, in days.
 * @example requiredDays('stable', { betaDays: 30, stableDays: 100 }) // 100
 */
export function requiredDays(stability: Stability, policy: DeprecationPolicy | undefined): number {
  if (!policy) return 0;
  if (stability === 'stable') return policy.stableDays;
  if (stability === 'beta') return policy.betaDays;
  return 0;
}

function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / 86_400_000;
}
