/**
 * Contract problems are collected, never thrown one by one: a run reports every problem it finds
 * at once, each with the file, the JSON pointer, what is wrong and how to fix it.
 * @module
 */

export type ProblemSeverity = 'error' | 'warning';

export interface ContractProblem {
  readonly severity: ProblemSeverity;
  readonly file: string;
  readonly pointer: string;
  readonly message: string;
  readonly fix: string;
}

/** Accumulates problems for one contract. */
export class ProblemList {
  readonly items: ContractProblem[] = [];

  constructor(readonly file: string) {}

  error(pointer: string, message: string, fix: string): void {
    this.items.push({ severity: 'error', file: this.file, pointer, message, fix });
  }

  warning(pointer: string, message: string, fix: string): void {
    this.items.push({ severity: 'warning', file: this.file, pointer, message, fix });
  }

  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === 'error');
  }
}

/** Thrown when a contract cannot be generated; carries every problem found. */
export class ContractError extends Error {
  constructor(readonly problems: readonly ContractProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContractError';
  }
}

/** @example formatProblem(p) // 'contracts/orders/openapi.yaml#/paths/~1orders/post: error: ... Fix: ...' */
export function formatProblem(problem: ContractProblem): string {
  const where = `${problem.file}#${problem.pointer}`;
  return `${where}: ${problem.severity}: ${problem.message}\n    fix: ${problem.fix}`;
}
