/**
 * The domain: zod schemas and their inferred types, shared by the hub and the workstation.
 * Pure TypeScript: this folder runs in every process.
 */
export * from './enums';
export * from './country';
export * from './identity';
export * from './lookupQuery';
export * from './text';
export * from './caseTags';
export * from './customerNote';
export * from './macro';
export * from './customer';
export * from './case';
export * from './caseAccess';
export * from './sla';
export * from './interaction';
export * from './org';
export * from './knowledge';
export * from './voice';
export * from './audit';
export * from './held';
export * from './presence';
export * from './attachment';
export * from './attachmentCheck';
export * from './delivery';
export * from './deliveryAddress';
export * from './caseReference';
