export { AuditChain, type AuditChainState } from './AuditChain';
export { auditHashLength, computeAuditHash, copyAuditEntry, hashAuditPayload, type AuditEntry } from './auditEntry';
export { verifyChain, verifyChainFrom, type ChainVerdict } from './verifyChain';
