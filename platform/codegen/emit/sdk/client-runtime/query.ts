/**
 * Query strings as the contract says. openapi-fetch writes arrays as `tags=a&tags=b` and
 * objects as `price[gte]=1`; a parameter declared with another style (`tags=a,b` for
 * `explode: false`, `pipeDelimited`, ...) is written its own way here.
 * @module
 */
import {
  createQuerySerializer,
  serializeArrayParam,
  serializeObjectParam,
  serializePrimitiveParam,
} from 'openapi-fetch';

type ArrayStyle = 'form' | 'spaceDelimited' | 'pipeDelimited';

/** Style and explode of each query parameter whose style differs from openapi-fetch's default. */
export type QueryStyles = Readonly<
  Record<string, readonly [style: ArrayStyle | 'deepObject', explode: boolean]>
>;

/**
 * @example querySerializerFor({ tags: ['form', false] })({ tags: ['a', 'b'], limit: 2 }) // 'tags=a,b&limit=2'
 */
export function querySerializerFor(styles: QueryStyles): (query: Record<string, unknown>) => string {
  const standard = createQuerySerializer();
  return (query) => {
    const parts: string[] = [];
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      const declared = styles[name];
      let part: string;
      if (!declared) part = standard({ [name]: value });
      else if (Array.isArray(value)) {
        if (value.length === 0) continue;
        const style = declared[0] === 'deepObject' ? 'form' : declared[0];
        part = serializeArrayParam(name, value, { style, explode: declared[1] });
      } else if (typeof value === 'object') {
        const style = declared[0] === 'deepObject' ? 'deepObject' : 'form';
        part = serializeObjectParam(name, value as Record<string, unknown>, { style, explode: declared[1] });
      } else part = serializePrimitiveParam(name, String(value));
      if (part) parts.push(part);
    }
    return parts.join('&');
  };
}
