/**
 * What the generated code hands the runtime for each operation: the route, how to decode its
 * parameters, its precompiled validators and its security. Generated modules export one of
 * these as their default export; the runtime never compiles a schema.
 * @module
 */

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';
export type MediaKind = 'json' | 'form' | 'multipart' | 'text' | 'binary';

/** One failure as ajv reports it (the subset the runtime reads). */
export interface ValidatorError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

/** A precompiled ajv validator: returns true or leaves its failures in `errors`. */
export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: ValidatorError[] | null;
}

export interface ParameterSpec {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly style: string;
  readonly explode: boolean;
  readonly shape: 'primitive' | 'array' | 'object';
  /** Parameter declared with `content: application/json`: its value is JSON text. */
  readonly json?: boolean;
}

export interface MediaSpec {
  readonly type: string;
  readonly kind: MediaKind;
  /** Absent for media types whose bodies are passed through unvalidated (binary, multipart). */
  readonly validate?: ValidateFunction;
}

export interface SecuritySchemeSpec {
  readonly type: 'http' | 'apiKey' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  readonly scheme?: string;
  readonly in?: 'header' | 'query' | 'cookie';
  readonly parameterName?: string;
}

export interface ResponseSpec {
  readonly status: string;
  readonly media: readonly string[];
  readonly requiredHeaders: readonly string[];
}

export interface CompiledOperation {
  readonly operationId: string;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Path template as the contract writes it, e.g. `/products/{productId}`. */
  readonly path: string;
  readonly parameters: readonly ParameterSpec[];
  /** Validates `{ path, query, header, cookie }`, coercing decoded strings to schema types. */
  readonly validateParameters: ValidateFunction;
  readonly body?: { readonly required: boolean; readonly media: readonly MediaSpec[] };
  /** Alternatives, any one of which suffices; an empty list means the operation is public. */
  readonly security: readonly Readonly<Record<string, readonly string[]>>[];
  readonly securitySchemes: Readonly<Record<string, SecuritySchemeSpec>>;
  readonly responses: readonly ResponseSpec[];
}

/** Response validators of a context, by operationId, status and media type. */
export type ResponseValidators = Readonly<
  Record<string, Readonly<Record<string, Readonly<Record<string, ValidateFunction>>>>>
>;

/** A route as the generated route table lists it: enough to match, the rest loads on demand. */
export interface RouteEntry {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly load: () => Promise<{ default: CompiledOperation }>;
}

/** One context's generated route table (`generated/<ctx>/routes.gen.ts`). */
export interface ContextRoutes {
  readonly context: string;
  readonly title: string;
  readonly version: string;
  readonly routes: readonly RouteEntry[];
  readonly loadResponseValidators: () => Promise<{ default: ResponseValidators }>;
}
