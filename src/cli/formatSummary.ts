import type { ScenarioRun } from '../core/sim';

/** The readable summary the command line prints without `--json`. */
export function formatSummary(summary: ScenarioRun['summary']): string {
  const { scenario } = summary;
  const lines = [
    `BFT Lab · ${scenario.name ?? 'scenario'} · ${scenario.protocol} · n=${scenario.n} · seed ${scenario.seed}`,
  ];
  for (const round of summary.rounds) {
    const status = { committed: '✓ committed', 'no-agreement': '⊘ no agreement', aborted: '✗ undecided' }[round.status];
    const parts = [
      `round ${String(round.round).padStart(3)}`,
      `view ${round.view}`,
      status,
      `quorum ${round.quorumSize} of ${round.quorumNeeded} needed (n=${round.n}, f=${round.f})`,
      `tampered ${round.tamperedAgents.length}`,
    ];
    if (round.winner) parts.push(`winner ${round.winner}`);
    if (round.commitTick !== null) parts.push(`tick ${round.commitTick}`);
    if (round.falseAgreementRate !== null) parts.push(`false agreement ${round.falseAgreementRate}`);
    lines.push(parts.join(' · '));
  }
  for (const proposal of summary.council?.proposals ?? []) {
    lines.push(
      `${proposal.id} ${proposal.action.padEnd(10)} ${proposal.decision.padEnd(9)} ` +
        `approve ${proposal.approveWeight} vs reject ${proposal.rejectWeight}${proposal.quorumMet ? '' : ' (no quorum)'}`,
    );
  }
  if (summary.council) {
    const blocs = summary.council.blocs.map((bloc) => `{${bloc.join(', ')}}`).join(' ');
    lines.push(`voting blocs: ${blocs || 'none'}`);
  }
  if (summary.rounds.length > 0) lines.push(`view changes: ${summary.viewChanges}`);
  for (const certificate of summary.certificates) {
    lines.push(`equivocation certificate against ${certificate.agent}, round ${certificate.round}: ${certificate.valid ? 'verifies' : 'INVALID'}`);
  }
  for (const accusation of summary.accountability?.accusations ?? []) {
    const quarantine = summary.accountability!.quarantines.find((q) => q.proposalId === accusation.proposalId);
    const parts = [
      `${accusation.proposalId} ${accusation.accuser} accuses ${accusation.accused} of equivocation at tick ${accusation.tick}` +
        (accusation.forged ? ' (a forged proof)' : ''),
      `proof ${accusation.holds ? 'holds' : 'does not hold'}`,
      accusation.talliedTick === null
        ? 'never tallied'
        : `${accusation.decision} ${accusation.approveWeight}–${accusation.rejectWeight} at tick ${accusation.talliedTick}`,
    ];
    if (quarantine) parts.push(`${quarantine.agent} quarantined: ignored from round ${quarantine.fromRound}`);
    lines.push(parts.join(' · '));
  }
  if (summary.accountability) lines.push(`audit chain: ${summary.accountability.auditChainValid ? 'verifies' : 'BROKEN'}`);
  if (summary.stalled) lines.push(summary.stalled.detail);
  lines.push('invariants: ' + summary.invariants.map((inv) => `${inv.ok ? '✓' : '✗'} ${inv.name}`).join('  '));
  for (const inv of summary.invariants.filter((inv) => !inv.ok)) lines.push(`  ✗ ${inv.name}: ${inv.detail}`);
  lines.push(`ticks ${summary.ticks} · trace ${summary.traceHash}`);
  return lines.join('\n') + '\n';
}
