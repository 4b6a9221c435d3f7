/**
 * The SDK types API Gateway generates (GetSdk's `sdkType`) and the properties each one needs,
 * derived from the context so `charter sdk pull` works without any: a Java package from the
 * npm scope and context name, the contract's `info.version` as the artifact version, and so on.
 * `--param name=value` overrides any of them.
 * @module
 */

export const SDK_LANGUAGES = ['javascript', 'java', 'android', 'objectivec', 'swift', 'ruby'] as const;

export type SdkLanguage = (typeof SDK_LANGUAGES)[number];

export interface SdkNaming {
  /** Context name, e.g. `catalog-v2`. */
  readonly context: string;
  /** The contract's `info.version`. */
  readonly version: string;
  /** npm scope of charter's own SDKs (`@shop`); its word becomes the group and package root. */
  readonly scope: string;
}

/** @example isSdkLanguage('java') // true */
export function isSdkLanguage(value: unknown): value is SdkLanguage {
  return typeof value === 'string' && (SDK_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The properties API Gateway requires for a language (and the usual optional ones).
 * @example defaultSdkParameters('java', { context: 'catalog-v2', version: '1.2.0', scope: '@shop' })
 * // { serviceName: 'CatalogV2', javaPackageName: 'shop.catalogv2', javaGroupId: 'shop', ... }
 */
export function defaultSdkParameters(language: SdkLanguage, naming: SdkNaming): Record<string, string> {
  const words = naming.context.split('-').filter(Boolean);
  const pascal = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  const group = identifierWord(naming.scope.replace(/^@/, '')) || 'charter';
  const javaPackage = `${group}.${identifierWord(naming.context)}`;
  const artifact = `${naming.context}-sdk`;
  switch (language) {
    case 'javascript':
      return {};
    case 'java':
      return {
        serviceName: pascal,
        javaPackageName: javaPackage,
        javaGroupId: group,
        javaArtifactId: artifact,
        javaArtifactVersion: naming.version,
      };
    case 'android':
      return {
        groupId: group,
        artifactId: artifact,
        artifactVersion: naming.version,
        invokerPackage: javaPackage,
      };
    case 'objectivec':
    case 'swift':
      return { classPrefix: pascal };
    case 'ruby':
      // The Ruby namespace allows letters only.
      return {
        'service.name': pascal.replace(/[^A-Za-z]/g, '') || 'Api',
        'ruby.gem-name': artifact,
        'ruby.gem-version': naming.version,
      };
  }
}

/** Lower-case letters and digits, starting with a letter: a Java package segment. */
function identifierWord(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/^[0-9]+/, '');
}
