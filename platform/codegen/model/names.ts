/**
 * Names derived from a contract: identifiers for types and exports, file names for modules.
 * @module
 */

/** @example identifierOf('apps/get-authenticated') // 'appsGetAuthenticated' */
export function identifierOf(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (words.length === 0) return '_';
  const joined = words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
  const camel = joined[0].toLowerCase() + joined.slice(1);
  return /^[0-9]/.test(camel) ? `_${camel}` : camel;
}

/** @example pascalCase('placeOrder') // 'PlaceOrder' */
export function pascalCase(identifier: string): string {
  const trimmed = identifier.replace(/^_+/, '');
  const pascal = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /^[0-9]/.test(pascal) || pascal === '' ? `Op${pascal}` : pascal;
}

/** @example kebabCase('placeOrder') // 'place-order' */
export function kebabCase(identifier: string): string {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** An operationId for operations the contract left without one: method plus path words. */
export function derivedOperationId(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith('{') ? `by ${segment.slice(1, -1)}` : segment));
  return identifierOf(`${method} ${words.join(' ')}`);
}
