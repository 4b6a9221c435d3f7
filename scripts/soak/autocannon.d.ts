// The part of autocannon's API the soak uses; the package ships no type declarations.
declare module 'autocannon' {
  interface Histogram {
    readonly average: number;
    readonly total: number;
    readonly p99: number;
  }
  interface Result {
    readonly requests: Histogram;
    readonly latency: Histogram;
    readonly errors: number;
    readonly timeouts: number;
    readonly statusCodeStats?: Record<string, { count: number }>;
  }
  interface Options {
    readonly url: string;
    readonly connections?: number;
    readonly duration?: number;
    readonly timeout?: number;
    readonly requests?: readonly {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
    }[];
  }
  export default function autocannon(options: Options): Promise<Result>;
}
