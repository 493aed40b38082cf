// Test projects (ARCHITECTURE.md test/): unit and property tests are fast and pure; integration tests
// use real SQLite files, the built CLI and the browser-mode server; e2e drives Debian's Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node' } },
      { test: { name: 'property', include: ['test/property/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      {
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser at a time on 2 cores.
          fileParallelism: false,
          // expect.poll waits 1 s by default: too short for a UI on a loaded 2-core machine.
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});
