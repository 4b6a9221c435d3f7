/**
 * Structured JSON logs, one object per line, as CloudWatch Logs Insights and `jq` read them.
 * @module
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger whose lines all carry `fields` (e.g. the request id). */
  child(fields: Record<string, unknown>): Logger;
  /** Whether lines of this level are written; lets callers skip building them. @default true */
  enabled?(level: LogLevel): boolean;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * @example const log = jsonLogger({ level: 'info' }); log.info('request', { status: 200 });
 */
export function jsonLogger(
  options: { level?: LogLevel; write?: (line: string) => void; fields?: Record<string, unknown> } = {},
): Logger {
  // Read once: process.env is a slow accessor, and a child logger is made for every request.
  const threshold = ORDER[options.level ?? (process.env.LOG_LEVEL as LogLevel) ?? 'info'] ?? ORDER.info;
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  return makeLogger(threshold, write, options.fields ?? {});
}

function makeLogger(threshold: number, write: (line: string) => void, base: Record<string, unknown>): Logger {
  const emit = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    if (ORDER[level] < threshold) return;
    write(
      JSON.stringify(
        { level, time: new Date().toISOString(), msg: message, ...base, ...fields },
        errorReplacer,
      ),
    );
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => makeLogger(threshold, write, { ...base, ...fields }),
    enabled: (level) => ORDER[level] >= threshold,
  };
}

/** Errors stringify to `{}` by default; keep what helps whoever reads the log. */
function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/** A logger that drops everything: for tests and benchmarks. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silentLogger,
  enabled: () => false,
};
