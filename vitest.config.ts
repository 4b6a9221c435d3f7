import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const postgresSetup = fileURLToPath(new URL('./tests/support/postgres-global-setup.ts', import.meta.url));

export default defineConfig({
  test: {
    include: ['platform/**/*.test.ts', 'handlers/**/*.test.ts', 'tests/**/*.test.ts'],
    typecheck: { enabled: true, include: ['**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A throwaway PostgreSQL for the repository contract tests (CHARTER_TEST_DATABASE_URL).
    // Projects copied without tests/support (scaffold tests) run without it.
    globalSetup: existsSync(postgresSetup) ? [postgresSetup] : [],
  },
});
