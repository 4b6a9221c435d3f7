/**
 * AWS Signature Version 4, checked the way a service does: the canonical request is rebuilt from
 * what arrived (method, path, sorted query, the signed headers, payload hash) and signed with the
 * secret key; any difference — wrong key, region, service, tampered header — is refused with the
 * error type AWS uses. Written from the specification, independently of the SDK under test.
 * @module
 */
import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Recomputes the SigV4 signature from the request as received, with this server's own
 * implementation of the algorithm, and names what does not match.
 */
export function checkSigV4(
  req: IncomingMessage,
  url: URL,
  expected: {
    readonly region: string;
    readonly service: string;
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
  },
): { type: string; message: string } | undefined {
  const { region } = expected;
  const authorization = req.headers.authorization ?? '';
  const amzDate = req.headers['x-amz-date'];
  const parsed =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
  if (!parsed)
    return { type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' };
  const [, keyId, date, signedRegion, service, signedHeaderList, signature] = parsed;
  if (typeof amzDate !== 'string' || !amzDate.startsWith(date))
    return {
      type: 'IncompleteSignatureException',
      message: 'x-amz-date is missing or does not match the credential scope',
    };
  if (keyId !== expected.accessKeyId)
    return {
      type: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    };
  if (service !== expected.service || signedRegion !== region)
    return {
      type: 'InvalidSignatureException',
      message: `Credential should be scoped to a valid region and service: expected ${region}/${expected.service}, got ${signedRegion}/${service}`,
    };
  const signedHeaders = signedHeaderList.split(';');
  if (!signedHeaders.includes('host') || !signedHeaders.includes('x-amz-date'))
    return { type: 'IncompleteSignatureException', message: 'host and x-amz-date must be signed' };
  const canonicalHeaders = signedHeaders
    .map(
      (name) =>
        `${name}:${String(req.headers[name] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const query = [...url.searchParams]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  // Services other than S3 sign the path with each segment encoded once more.
  const path = url.pathname
    .split('/')
    .map((segment) => rfc3986(segment))
    .join('/');
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? sha256(''));
  const canonical = [req.method, path, query, canonicalHeaders, signedHeaderList, payloadHash].join('\n');
  const scope = `${date}/${signedRegion}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  let key: Buffer = hmac(`AWS4${expected.secretAccessKey}`, date);
  for (const part of [signedRegion, service, 'aws4_request']) key = hmac(key, part);
  const computed = createHmac('sha256', key).update(toSign).digest('hex');
  if (computed !== signature)
    return {
      type: 'InvalidSignatureException',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    };
  return undefined;
}

function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}
