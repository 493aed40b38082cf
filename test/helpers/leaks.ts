// Leak checks every test file that opens databases installs (ARCHITECTURE.md §6.8).
import { afterEach, expect } from 'vitest';
import { openDatabaseCount } from '../../src-main/store/sqlite';

/** After each test, every database opened through the store must be closed again. */
export function checkDatabaseLeaks(): void {
  afterEach(() => {
    expect(openDatabaseCount(), 'databases left open by this test').toBe(0);
  });
}
