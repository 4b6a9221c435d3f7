/**
 * Contract review: `charter lint` (Redocly's ruleset plus platform rules) and `charter diff`
 * (breaking changes and the version bump they need).
 * @module
 */
export type { Change, Level } from './diff/change.ts';
export type { DeprecationPolicy } from './diff/deprecation.ts';
export { type DiffOptions, diffContracts } from './diff/diff-contracts.ts';
export { ContractDocument } from './diff/document/contract-document.ts';
export { loadContract } from './diff/document/load-contract.ts';
export { formatJson } from './diff/format/format-json.ts';
export { COMMENT_MARKER, formatMarkdown } from './diff/format/format-markdown.ts';
export { formatText } from './diff/format/format-text.ts';
export type { ContextReport } from './diff/report.ts';
export { type DiffRun, diffAgainstRef, diffFiles } from './diff/run-diff.ts';
export { type Bump, requiredBump, type VersionBump, versionBump } from './diff/semver.ts';
export {
  formatFinding,
  type LintFinding,
  type LintRun,
  lintContexts,
  lintFile,
} from './lint/lint-contracts.ts';
