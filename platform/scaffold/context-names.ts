/**
 * A context name and the forms it takes elsewhere: `catalog-v2` is the folder and URL segment,
 * `catalogV2` an identifier, `CatalogV2` a type, `Catalog V2` a title.
 * @module
 */
import { CONTEXT_NAME } from '../codegen/parse/find-contexts.ts';

export interface NameForms {
  readonly kebab: string;
  readonly camel: string;
  readonly pascal: string;
  readonly title: string;
  readonly upper: string;
}

/** Words joined by single hyphens: `order-history`, not `order--history` or `orders-`. */
const TIDY_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * What is wrong with a name for a new context, or undefined when it is fine.
 * @example contextNameProblem('Shipping') // '"Shipping" is not a context name: ...'
 */
export function contextNameProblem(name: string): string | undefined {
  if (CONTEXT_NAME.test(name) && TIDY_NAME.test(name)) return undefined;
  const suggestion = name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');
  return (
    `"${name}" is not a context name: it becomes a folder, a URL segment and an npm package name, so use ` +
    `lower-case words joined by single hyphens, starting with a letter${suggestion && suggestion !== name ? ` (e.g. "${suggestion}")` : ''}`
  );
}

/** @example nameForms('catalog-v2') // { kebab: 'catalog-v2', camel: 'catalogV2', pascal: 'CatalogV2', title: 'Catalog V2', upper: 'CATALOG_V2' } */
export function nameForms(name: string): NameForms {
  const words = name.split('-').filter(Boolean);
  const capitalised = words.map((w) => w[0].toUpperCase() + w.slice(1));
  return {
    kebab: words.join('-'),
    camel: words[0] + capitalised.slice(1).join(''),
    pascal: capitalised.join(''),
    title: capitalised.join(' '),
    upper: words.join('_').toUpperCase(),
  };
}
