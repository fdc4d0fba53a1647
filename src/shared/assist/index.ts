/**
 * The assist engine: customer state, tone check of a draft, and suggested next steps. Pure TypeScript,
 * offline and fast enough to run on every (debounced) keystroke in the renderer.
 */
export { classifyCustomer, type ClassifyOptions } from './classifyCustomer';
export type * from './types';
