/**
 * Maps charter's rule ids onto oasdiff's taxonomy (direction, area, kind from its rules.tsv),
 * so a label that comes from a test running one oasdiff check can be compared with what
 * charter reports in the same area — and only there.
 * @module
 */

export type Triple = readonly [direction: 'Request' | 'Response' | 'None', area: string, kind: string];

/** The oasdiff kind of a schema change (`what` is the rule id without its scope). */
function schemaKind(what: string): string {
  if (/^(property-(added|removed|no-longer-accepted)$|new-required-property$)/.test(what)) return 'Existence';
  if (/^(property-became-(required|optional)|became-(nullable|not-nullable))$/.test(what))
    return 'Requiredness';
  if (/^property-(deprecated|reactivated|sunset-|removed-(after-deprecation|before-sunset))/.test(what))
    return 'Lifecycle';
  if (/^(enum-|became-enum|const-|default-)/.test(what)) return 'Values';
  if (/^(type-|format-|content-(encoding|media-type)-)/.test(what)) return 'Type';
  if (/^(minimum-|maximum-|min-|max-|multiple-of-|pattern-|unique-items-)/.test(what)) return 'Constraints';
  return 'Structure';
}

/** @example areasOf('response-body-property-removed') // [['Response', 'Schema', 'Existence']] */
export function areasOf(id: string): Triple[] {
  if (id.startsWith('security-scheme'))
    return [
      ['None', 'Security', 'Type'],
      ['None', 'Components', 'Existence'],
    ];
  if (id.startsWith('security-')) return [['None', 'Security', 'Existence']];
  if (id.startsWith('webhook-') && !/^webhook-(request|response)-/.test(id))
    return [['None', 'Components', 'Existence']];
  if (
    /^operation-(removed-(before-sunset|after-deprecation)|deprecated|reactivated|sunset-|stability-)/.test(
      id,
    )
  ) {
    return [
      ['None', 'Paths', 'Lifecycle'],
      ...(id.includes('removed') ? [['None', 'Paths', 'Existence'] as const] : []),
    ];
  }
  if (/^(operation-|context-)/.test(id)) return [['None', 'Paths', 'Existence']];
  const parameter = /^(?:webhook-)?request-parameter-(.+)$/.exec(id);
  if (parameter) {
    const what = parameter[1];
    if (/^(added|removed)(-required|-optional)?$/.test(what)) return [['Request', 'Parameters', 'Existence']];
    if (/^became-(required|optional)$/.test(what)) return [['Request', 'Parameters', 'Requiredness']];
    if (/^(deprecated|reactivated|sunset-|removed-)/.test(what))
      return [['Request', 'Parameters', 'Lifecycle']];
    if (what === 'style-changed') return [['Request', 'Parameters', 'Type']];
    const kind = schemaKind(what);
    return [['Request', 'Parameters', kind === 'Structure' ? 'Type' : kind]];
  }
  const body = /^(?:webhook-)?request-body-(.+)$/.exec(id);
  if (body) {
    const what = body[1];
    if (/^(added|removed)(-required)?$|^media-type-/.test(what))
      return [['Request', 'RequestBody', 'Existence']];
    if (/^became-(required|optional)$/.test(what)) return [['Request', 'RequestBody', 'Requiredness']];
    return [['Request', 'Schema', schemaKind(what)]];
  }
  if (/^response-(success-)?status-|^(webhook-)?response-media-type-/.test(id))
    return [['Response', 'Responses', 'Existence']];
  const header = /^response-(optional-)?header-(.+)$/.exec(id);
  if (header)
    return [
      [
        'Response',
        'Headers',
        /became/.test(header[2])
          ? 'Requiredness'
          : /^(added|removed)$/.test(header[2])
            ? 'Existence'
            : 'Type',
      ],
    ];
  const response = /^(?:webhook-)?response-body-(.+)$/.exec(id);
  if (response) {
    const kind = schemaKind(response[1]);
    // oasdiff files `contains` under both constraints and structure.
    return kind === 'Structure' && response[1].startsWith('contains')
      ? [
          ['Response', 'Schema', 'Structure'],
          ['Response', 'Schema', 'Constraints'],
        ]
      : [['Response', 'Schema', kind]];
  }
  return [['None', 'Other', 'Other']];
}

/**
 * Whether a change falls inside the area one of the given oasdiff checks looks at.
 * @example withinChecks('security-scope-added', new Set(['APISecurityUpdatedCheck']), taxonomy) // true
 */
export function withinChecks(
  id: string,
  checks: ReadonlySet<string>,
  taxonomy: ReadonlyMap<string, readonly Triple[]>,
): boolean {
  const scope = [...checks].flatMap((check) => taxonomy.get(check) ?? []);
  return areasOf(id).some(([direction, area, kind]) =>
    scope.some(
      ([d, a, k]) => (d === 'None' || direction === 'None' || d === direction) && a === area && k === kind,
    ),
  );
}
