/**
 * How a cloned contract's names change from the source context to the new one. Names that
 * mention the source context get the new context's name instead (`catalog:write` →
 * `catalog-v2:write`, `Catalog API` → `Catalog V2 API`); names that do not are marked with the new
 * context so nothing is shared by accident: a scope granted for one context must not open the
 * other, and an SDK method should say which API it calls.
 * @module
 */
import { type NameForms, nameForms } from './context-names.ts';

export class Renamer {
  private readonly from: NameForms;
  private readonly to: NameForms;
  /** What tells the new context apart: `v2` for catalog → catalog-v2, else the whole name. */
  private readonly suffix: NameForms;

  /** @example new Renamer('catalog', 'catalog-v2').operationId('listProducts') // 'listProductsV2' */
  constructor(
    readonly source: string,
    readonly target: string,
  ) {
    this.from = nameForms(source);
    this.to = nameForms(target);
    this.suffix = nameForms(target.startsWith(`${source}-`) ? target.slice(source.length + 1) : target);
  }

  /** @example operationId('getCatalogStats') // 'getCatalogV2Stats'; operationId('getProduct') // 'getProductV2' */
  operationId(id: string): string {
    const renamed = id
      .replace(new RegExp(`(?<![A-Z])${this.from.pascal}(?![a-z])`, 'g'), this.to.pascal)
      .replace(new RegExp(`^${this.from.camel}(?=[A-Z0-9]|$)`), this.to.camel);
    return renamed !== id ? renamed : `${id}${this.suffix.pascal}`;
  }

  /** @example tag('products') // 'products-v2'; tag('Catalog admin') // 'Catalog V2 admin' */
  tag(name: string): string {
    const renamed = this.text(name);
    if (renamed !== name) return renamed;
    return /^[a-z0-9-]+$/.test(name) ? `${name}-${this.suffix.kebab}` : `${name} ${this.suffix.title}`;
  }

  /** @example title('Catalog API') // 'Catalog V2 API'; title('Shop API') // 'Shop API (catalog-v2)' */
  title(text: string): string {
    const renamed = this.text(text);
    return renamed !== text ? renamed : `${text} (${this.target})`;
  }

  /** @example scope('catalog:write') // 'catalog-v2:write'; scope('write') // 'catalog-v2:write' */
  scope(scope: string): string {
    const renamed = scope.replace(this.word(this.from.kebab), this.to.kebab);
    return renamed !== scope ? renamed : `${this.target}:${scope}`;
  }

  /** The local gateway's path segment: `http://localhost:3000/catalog` → `.../catalog-v2`. */
  serverUrl(url: string): string {
    return url.replace(new RegExp(`/${escapeRegExp(this.source)}(?=/|$)`), `/${this.target}`);
  }

  /** Replaces the source's title, Pascal and kebab forms where they stand as words, in one pass. */
  private text(value: string): string {
    const forms = [...new Set([this.from.title, this.from.pascal, this.from.kebab])].map(escapeRegExp);
    const pattern = new RegExp(`(?<![A-Za-z0-9-])(?:${forms.join('|')})(?![A-Za-z0-9-])`, 'g');
    return value.replace(pattern, (found) => (found === this.from.kebab ? this.to.kebab : this.to.title));
  }

  private word(form: string): RegExp {
    return new RegExp(`(?<![A-Za-z0-9-])${escapeRegExp(form)}(?![A-Za-z0-9-])`, 'g');
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
