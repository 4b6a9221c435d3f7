/**
 * Checks a `deploy` section (the project's, or a context's partial override) and a context's
 * per-operation and per-function sizing. Problems carry the JSON pointer and the fix; the caller
 * reports all of them at once.
 * @module
 */

type Json = Record<string, unknown>;

const ACCOUNT_ID = /^[0-9]{12}$/;
const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const KEY_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/**
 * @param raw the section as written (partial: only what is present is checked)
 * @param at its pointer, e.g. `/deploy` or `/contexts/orders/deploy`
 * @example checkDeploySection({ waf: { enabled: false } }, '/deploy', problems)
 */
export function checkDeploySection(raw: unknown, at: string, problems: string[]): void {
  if (raw === undefined) return;
  if (!isObject(raw)) {
    problems.push(`${at}: must be an object of deploy settings, e.g. { "stage": { "name": "prod" } }`);
    return;
  }
  const stage = objectAt(raw, 'stage', at, problems);
  if (stage) {
    if (stage.name !== undefined && !(typeof stage.name === 'string' && STAGE_NAME.test(stage.name)))
      problems.push(
        `${at}/stage/name: ${JSON.stringify(stage.name)} is not a stage name; use letters, digits, - and _`,
      );
    wholeNumber(stage.rateLimit, 1, 10_000, `${at}/stage/rateLimit`, problems);
    wholeNumber(stage.burstLimit, 1, 5_000, `${at}/stage/burstLimit`, problems);
    if (stage.logRetentionDays !== undefined && !RETENTION_DAYS.includes(stage.logRetentionDays as number))
      problems.push(
        `${at}/stage/logRetentionDays: ${JSON.stringify(stage.logRetentionDays)} is not a CloudWatch retention; use one of ${RETENTION_DAYS.join(', ')}`,
      );
  }
  checkWaf(raw.waf, `${at}/waf`, problems);
  checkDomain(raw.domain, `${at}/domain`, problems);
  const deployment = objectAt(raw, 'deployment', at, problems);
  if (deployment) {
    const preference = deployment.preference;
    if (preference !== undefined && !['canary', 'linear', 'all-at-once'].includes(preference as string))
      problems.push(
        `${at}/deployment/preference: ${JSON.stringify(preference)} is not a deployment preference; use canary, linear or all-at-once`,
      );
    wholeNumber(deployment.percent, 1, 99, `${at}/deployment/percent`, problems);
    wholeNumber(deployment.minutes, 1, 2880, `${at}/deployment/minutes`, problems);
  }
  const alarms = objectAt(raw, 'alarms', at, problems);
  if (alarms) {
    wholeNumber(alarms.http5xxRatePercent, 1, 100, `${at}/alarms/http5xxRatePercent`, problems);
    wholeNumber(alarms.p99LatencyMs, 1, 900_000, `${at}/alarms/p99LatencyMs`, problems);
    wholeNumber(alarms.evaluationPeriods, 1, 60, `${at}/alarms/evaluationPeriods`, problems);
  }
  const auth = objectAt(raw, 'auth', at, problems);
  for (const [scheme, value] of Object.entries(auth ?? {}))
    checkSchemeAuth(value, `${at}/auth/${scheme}`, problems);
  const authorizers = objectAt(raw, 'authorizers', at, problems);
  for (const [name, value] of Object.entries(authorizers ?? {}))
    checkLambdaAuthorizer(value, `${at}/authorizers/${name}`, problems);
  if (raw.apiKeys !== undefined) {
    const keys = raw.apiKeys;
    if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'string' || !KEY_NAME.test(k)))
      problems.push(
        `${at}/apiKeys: must be a list of key names (letters, digits, - and _), e.g. ["storefront"]`,
      );
  }
  const usagePlan = objectAt(raw, 'usagePlan', at, problems);
  if (usagePlan) {
    wholeNumber(usagePlan.rateLimit, 1, 10_000, `${at}/usagePlan/rateLimit`, problems);
    wholeNumber(usagePlan.burstLimit, 1, 5_000, `${at}/usagePlan/burstLimit`, problems);
    wholeNumber(usagePlan.quotaPerDay, 0, 1_000_000_000, `${at}/usagePlan/quotaPerDay`, problems);
  }
  checkAccounts(raw.invokerAccountIds, `${at}/invokerAccountIds`, problems);
  if (raw.requireHandlers !== undefined && typeof raw.requireHandlers !== 'boolean')
    problems.push(`${at}/requireHandlers: must be true or false`);
}

/**
 * `contexts.<ctx>.operations` and `contexts.<ctx>.functions`: memory and timeout by name.
 * @example checkSizing({ placeOrder: { memoryMb: 64 } }, '/contexts/orders/operations', problems)
 */
export function checkSizing(raw: unknown, at: string, problems: string[]): void {
  if (raw === undefined) return;
  if (!isObject(raw)) {
    problems.push(`${at}: must map names to { "memoryMb": 1024, "timeoutSeconds": 10 }`);
    return;
  }
  for (const [name, sizing] of Object.entries(raw)) {
    if (!isObject(sizing)) {
      problems.push(`${at}/${name}: must be an object like { "memoryMb": 1024 }`);
      continue;
    }
    wholeNumber(sizing.memoryMb, 128, 10240, `${at}/${name}/memoryMb`, problems);
    wholeNumber(sizing.timeoutSeconds, 1, 900, `${at}/${name}/timeoutSeconds`, problems);
  }
}

function checkWaf(raw: unknown, at: string, problems: string[]): void {
  if (raw === undefined) return;
  if (!isObject(raw)) {
    problems.push(`${at}: must be an object, e.g. { "rateLimitPer5Minutes": 2000 }`);
    return;
  }
  if (raw.enabled === false) {
    if (typeof raw.reason !== 'string' || raw.reason.trim().length < 10)
      problems.push(
        `${at}/reason: WAF is turned off without a reason; write why in a sentence, e.g. "internal API reached only through a private VPC endpoint"`,
      );
    return;
  }
  if (raw.enabled !== undefined && raw.enabled !== true)
    problems.push(`${at}/enabled: must be true or false`);
  wholeNumber(raw.rateLimitPer5Minutes, 10, 2_000_000_000, `${at}/rateLimitPer5Minutes`, problems);
}

function checkDomain(raw: unknown, at: string, problems: string[]): void {
  if (raw === undefined) return;
  if (!isObject(raw)) {
    problems.push(`${at}: must be { "name": "api.example.com", "certificateArn": "arn:aws:acm:..." }`);
    return;
  }
  if (typeof raw.name !== 'string' || !/^(?=.{4,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/.test(raw.name))
    problems.push(
      `${at}/name: ${JSON.stringify(raw.name)} is not a domain name; write it like "api.shop.example"`,
    );
  if (
    typeof raw.certificateArn !== 'string' ||
    !/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\//.test(raw.certificateArn)
  )
    problems.push(
      `${at}/certificateArn: ${JSON.stringify(raw.certificateArn)} is not an ACM certificate ARN; copy it from the ACM console (arn:aws:acm:<region>:<account>:certificate/<id>)`,
    );
  if ((raw.hostedZoneId === undefined) !== (raw.hostedZoneName === undefined))
    problems.push(`${at}: give both hostedZoneId and hostedZoneName to create the DNS record, or neither`);
}

function checkSchemeAuth(raw: unknown, at: string, problems: string[]): void {
  const kinds = isObject(raw) ? Object.keys(raw).filter((k) => ['cognito', 'jwt', 'lambda'].includes(k)) : [];
  if (!isObject(raw) || kinds.length !== 1) {
    problems.push(
      `${at}: name exactly one of { "cognito": { "userPoolArn": ... } }, { "jwt": { "issuer": ..., "audience": [...] } } or { "lambda": { "functionArn": ... } }`,
    );
    return;
  }
  if (isObject(raw.cognito)) {
    const arn = raw.cognito.userPoolArn;
    if (
      typeof arn !== 'string' ||
      !/^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\d{12}:userpool\/[\w-]+$/.test(arn)
    )
      problems.push(
        `${at}/cognito/userPoolArn: ${JSON.stringify(arn)} is not a user pool ARN (arn:aws:cognito-idp:<region>:<account>:userpool/<id>)`,
      );
  } else if (isObject(raw.jwt)) {
    if (typeof raw.jwt.issuer !== 'string' || !/^https:\/\//.test(raw.jwt.issuer))
      problems.push(`${at}/jwt/issuer: must be the token issuer's https URL (the "iss" claim)`);
    const audience = raw.jwt.audience;
    if (!Array.isArray(audience) || audience.length === 0 || audience.some((a) => typeof a !== 'string'))
      problems.push(
        `${at}/jwt/audience: must list the accepted "aud" values, e.g. ["https://api.shop.example"]`,
      );
    if (raw.jwt.jwksUri !== undefined && !/^https:\/\//.test(String(raw.jwt.jwksUri)))
      problems.push(`${at}/jwt/jwksUri: must be an https URL`);
  } else if (raw.lambda !== undefined) {
    checkLambdaAuthorizer(raw.lambda, `${at}/lambda`, problems);
  } else {
    problems.push(`${at}/${kinds[0]}: must be an object`);
  }
}

function checkLambdaAuthorizer(raw: unknown, at: string, problems: string[]): void {
  if (!isObject(raw)) {
    problems.push(`${at}: must be { "functionArn": "arn:aws:lambda:..." }`);
    return;
  }
  if (
    typeof raw.functionArn !== 'string' ||
    !/^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[\w-]+(:[\w-]+)?$/.test(raw.functionArn)
  )
    problems.push(
      `${at}/functionArn: ${JSON.stringify(raw.functionArn)} is not a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>)`,
    );
  if (raw.type !== undefined && raw.type !== 'token' && raw.type !== 'request')
    problems.push(`${at}/type: use token or request`);
  wholeNumber(raw.resultTtlSeconds, 0, 3600, `${at}/resultTtlSeconds`, problems);
}

function checkAccounts(raw: unknown, at: string, problems: string[]): void {
  if (raw === undefined) return;
  if (!Array.isArray(raw)) {
    problems.push(`${at}: must be a list of 12-digit AWS account ids, e.g. ["111122223333"]`);
    return;
  }
  raw.forEach((id, index) => {
    if (typeof id !== 'string' || !ACCOUNT_ID.test(id))
      problems.push(
        `${at}/${index}: ${JSON.stringify(id)} is not an AWS account id; write the 12 digits as a string, e.g. "111122223333"`,
      );
  });
  // Each grant is one statement of the function's resource policy, which may not pass 20 KB.
  if (raw.length > 40)
    problems.push(
      `${at}: ${raw.length} accounts would outgrow a function's 20 KB resource policy; grant at most 40, or an AWS Organization through IAM`,
    );
}

function objectAt(raw: Json, key: string, at: string, problems: string[]): Json | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    problems.push(`${at}/${key}: must be an object`);
    return undefined;
  }
  return value;
}

function wholeNumber(value: unknown, min: number, max: number, at: string, problems: string[]): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    problems.push(`${at}: ${JSON.stringify(value)} must be a whole number from ${min} to ${max}`);
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
