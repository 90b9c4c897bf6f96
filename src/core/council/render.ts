import type { ConsensusSummary } from './types';

/** Characters between the box's side walls. */
const innerWidth = 42;
/** Characters of a bloc's member list shown before it is cut, as in the reference. */
const blocTextMax = 36;

/**
 * The summary as a fixed-width text box, as the reference draws it ("Agent Consensus
 * Protocol Summary", `Voters:`, the proposal counts, the audit chain, any voting blocs).
 * Every row is padded to the same width, which the reference does not quite manage.
 */
export function renderSummary(s: ConsensusSummary): string {
  const rule = '╠' + '─'.repeat(innerWidth) + '╣';
  const lines = [
    '╔' + '═'.repeat(innerWidth) + '╗',
    row(center('Agent Consensus Protocol Summary')),
    '╠' + '═'.repeat(innerWidth) + '╣',
    row(`  Voters: ${pad(s.voterCount, 3)}  │  BFT faults: ${pad(s.maxByzantineFaults, 3)}`),
    row(`  BFT quorum: ${pad(s.bftQuorum, 3)}`),
    rule,
    row(`  Proposals: ${pad(s.totalProposals, 4)}`),
    row(`  ├─ Open:     ${pad(s.open, 4)}`),
    row(`  ├─ Approved: ${pad(s.approved, 4)}`),
    row(`  ├─ Rejected: ${pad(s.rejected, 4)}`),
    row(`  ├─ Executed: ${pad(s.executed, 4)}`),
    row(`  └─ Expired:  ${pad(s.expired, 4)}`),
    rule,
    row(`  Audit entries: ${pad(s.auditEntries, 5)}`),
    row(`  Chain valid: ${pad(s.auditChainValid ? '✓ YES' : '✗ NO', 6)}`),
  ];
  if (s.votingBlocs.length > 0) {
    lines.push(rule, row('  ⚠ Voting blocs detected:'));
    for (const bloc of s.votingBlocs) {
      lines.push(row(`   [${bloc.join(', ').slice(0, blocTextMax).padEnd(blocTextMax)}] `));
    }
  }
  lines.push('╚' + '═'.repeat(innerWidth) + '╝');
  return lines.join('\n');
}

function row(text: string): string {
  return '║' + text.slice(0, innerWidth).padEnd(innerWidth) + '║';
}

function center(text: string): string {
  const left = Math.floor((innerWidth - text.length) / 2);
  return ' '.repeat(Math.max(0, left)) + text;
}

function pad(value: number | string, width: number): string {
  return String(value).padStart(width);
}
