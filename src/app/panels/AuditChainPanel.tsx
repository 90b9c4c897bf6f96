import type { AuditEntry, CouncilRunReport } from '../../worker/api';
import { HashText } from '../components/HashText';
import { EmptyState, Panel } from '../components/Panel';
import { useLab } from '../store/labStore';

/** The audit chain as linked blocks; every link from the first invalid entry turns red. */
export function AuditChainPanel({ report }: { report: CouncilRunReport | null }) {
  const firstInvalid = report?.auditChain.firstInvalid ?? null;
  return (
    <Panel
      testId="audit-chain"
      title="Audit chain"
      caption="Every proposal, vote, tally and execution, each block hashed over the one before."
      info={
        <p>
          Each entry stores the hash of the previous entry and a sha256 over its own fields and
          that link. Editing any entry changes its hash, so verification fails at that entry and
          every later link is broken: the log is tamper-evident.
        </p>
      }
    >
      {report === null ? (
        <EmptyState>The chain grows here as the council records each step.</EmptyState>
      ) : (
        <>
          <p className={`chain-verdict ${report.auditChain.valid ? 'ok' : 'broken'}`} data-testid="audit-verdict">
            {report.auditChain.valid
              ? `✓ Chain verifies: ${report.audit.length} entries, every link intact.`
              : `✗ Chain broken at entry ${firstInvalid}: it and every later link are untrusted.`}
          </p>
          <p className="chain-hint">Click an entry to tamper with it: the edit is recorded in the scenario and the link.</p>
          <ol className="chain">
            {report.audit.map((entry) => (
              <AuditBlock
                key={entry.sequence}
                entry={entry}
                broken={firstInvalid !== null && entry.sequence >= firstInvalid}
              />
            ))}
          </ol>
        </>
      )}
    </Panel>
  );
}

function AuditBlock({ entry, broken }: { entry: AuditEntry; broken: boolean }) {
  const tamperAudit = useLab((state) => state.tamperAudit);
  return (
    <li className={`chain-block${broken ? ' broken' : ''}`} data-testid="audit-entry" data-broken={broken}>
      <button
        type="button"
        className="chain-tamper"
        aria-label={`Tamper with audit entry ${entry.sequence} (${entry.eventType} by ${entry.actorId})`}
        onClick={() => void tamperAudit(entry.sequence, entry.timestamp)}
      />
      <span className="chain-seq">#{entry.sequence}</span>
      <span className="chain-event">{entry.eventType}</span>
      <span className="chain-actor">
        {entry.actorId} · {entry.proposalId} · tick {entry.timestamp}
      </span>
      <HashText hash={entry.hash} label="hash" />
    </li>
  );
}
