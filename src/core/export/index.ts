/**
 * Export of publish-ready bundles, and their import back: the one entry for the API host
 * and the CLI.
 */
export { exportGate } from './article-state';
export { buildBundle, type BuildOptions } from './build-bundle';
export type { Bundle, BundleFile, GateCode, GateProblem } from './bundle-types';
export { READ_LIMITS, type ReadLimits } from './bundle-entries';
export { exportBatch, type BatchOptions, type BatchProgress, type BatchSummary } from './export-batch';
export { importBundle, type ImportedBundle } from './import-bundle';
export { writeBundle, type WriteBundleOptions, type WrittenBundle } from './write-bundle';
