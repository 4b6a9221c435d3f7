/**
 * Problems the gateway itself answers, before or around a function: the same RFC 9457 shape
 * as the core's, with the statuses API Gateway uses for them.
 * @module
 */
import { type CoreResponse, HttpError } from '../runtime/index.ts';

export class GatewayProblem extends HttpError {
  /** 504, as API Gateway answers when an integration overruns. */
  static timedOut(requestId: string, timeoutMs: number): GatewayProblem {
    return new GatewayProblem(
      504,
      'timeout',
      'Gateway Timeout',
      `The function did not answer within ${timeoutMs} ms.`,
      requestId,
    );
  }

  /** 502, as API Gateway answers when a Lambda function errors outside its handler. */
  static functionFailed(requestId: string, reason: string): GatewayProblem {
    const detail = `The function could not answer (${reason.split('\n')[0]}). Quote request id ${requestId}.`;
    return new GatewayProblem(502, 'bad-gateway', 'Bad Gateway', detail, requestId);
  }

  static unknownContext(path: string, contexts: readonly string[]): GatewayProblem {
    const detail = `No context serves ${path}; contexts are served under ${contexts.map((c) => `/${c}`).join(', ')}.`;
    return new GatewayProblem(404, 'not-found', 'Not Found', detail, '');
  }

  private constructor(
    status: number,
    slug: string,
    title: string,
    detail: string,
    readonly requestId: string,
  ) {
    super(status, slug, title, detail);
  }

  response(): CoreResponse {
    return {
      status: this.status,
      headers: { 'content-type': 'application/problem+json' },
      body: JSON.stringify(this.toProblem(`urn:request:${this.requestId}`)),
    };
  }
}
