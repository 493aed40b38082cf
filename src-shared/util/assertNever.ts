/** Exhaustiveness guard for switches over unions: a missing case is a compile error, a bad value a thrown bug. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
