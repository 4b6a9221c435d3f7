/**
 * Watches contracts/ and handlers/ and reports, per context, what changed. Changes are
 * debounced (editors write a file in several steps) and handled one at a time per context.
 * @module
 */
import { existsSync, type FSWatcher, watch } from 'node:fs';
import { join } from 'node:path';

export interface SourceEvents {
  onContract(context: string): Promise<void>;
  onHandlers(context: string): Promise<void>;
}

const DEBOUNCE_MS = 150;

export function watchSources(root: string, events: SourceEvents): { close(): void } {
  const watchers: FSWatcher[] = [];
  const timers = new Map<string, NodeJS.Timeout>();
  const queues = new Map<string, Promise<void>>();

  const schedule = (key: string, context: string, run: (context: string) => Promise<void>) => {
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        const previous = queues.get(context) ?? Promise.resolve();
        queues.set(
          context,
          previous.then(() => run(context)).catch((error) => console.error(error)),
        );
      }, DEBOUNCE_MS),
    );
  };

  for (const [folder, run] of [
    ['contracts', events.onContract],
    ['handlers', events.onHandlers],
  ] as const) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    watchers.push(
      watch(dir, { recursive: true }, (_event, file) => {
        const context = file?.toString().split(/[\\/]/)[0];
        if (context && !file?.toString().endsWith('~')) schedule(`${folder}:${context}`, context, run);
      }),
    );
  }
  return {
    close() {
      for (const watcher of watchers) watcher.close();
      for (const timer of timers.values()) clearTimeout(timer);
    },
  };
}
