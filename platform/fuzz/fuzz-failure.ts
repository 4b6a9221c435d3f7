/**
 * What one fuzz case found wrong, with the request that showed it (shrunk by fast-check).
 * @module
 */
import type { HttpRequest } from './encode-request.ts';

export type FuzzClass = 'valid' | 'invalid' | 'hostile';

export interface FuzzFailure {
  readonly operationId: string;
  readonly class: FuzzClass;
  readonly case: string;
  readonly request: HttpRequest;
  readonly status: number;
  readonly problem: string;
}

export interface ClassTally {
  sent: number;
  failed: number;
}
