// TensorFlow.js backend names, without zod: the renderer imports them, and constructing a zod object schema
// there probes `Function('')`, which the page's CSP (no 'unsafe-eval') reports as a violation.

/** Names of the TensorFlow.js backends in order of preference (ARCHITECTURE.md §3). */
export const TF_BACKEND_NAMES = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
/** A TensorFlow.js backend name as recorded with runs. */
export type TfBackendName = (typeof TF_BACKEND_NAMES)[number];
