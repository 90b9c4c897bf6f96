import { sha256Bytes, toHex } from '../crypto';
import type { VoteValueT } from './types';

/** Hex characters kept from the vote's sha256, as in the reference. */
export const voteHashLength = 16;

/**
 * sha256 of `voterId:value:timestamp`, plus `:reason` when the reason is a non-empty string
 * (the reference tests the reason's truthiness), first 16 hex characters.
 */
export function voteHash(
  voterId: string,
  value: VoteValueT,
  timestamp: number,
  reason: string | null,
): string {
  const payload = `${voterId}:${value}:${timestamp}` + (reason ? `:${reason}` : '');
  return toHex(sha256Bytes(payload).subarray(0, voteHashLength / 2));
}
