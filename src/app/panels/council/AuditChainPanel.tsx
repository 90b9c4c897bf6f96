import { memo, useMemo } from 'react';
import type { AuditEntry, StreamEvent } from '../../../worker/api';
import type { TraceIndex } from '../../trace/traceIndex';
import { HashText } from '../../components/HashText';
import { EmptyState, Panel } from '../../components/Panel';
import { auditAt } from './councilState';
import { performAction } from '../../components/performAction';

const chainKinds = new Set<StreamEvent['kind']>(['auditAppended', 'auditTampered']);

export interface AuditChainPanelProps {
  /** False until a run is loaded. */
  loaded: boolean;
  /** The run's trace index. */
  trace: TraceIndex;
  tick: number;
}

/** The audit chain at the cursor as linked blocks; from a tampering on, links turn red. */
export const AuditChainPanel = memo(AuditChainPanelBody);

function AuditChainPanelBody({ loaded, trace, tick }: AuditChainPanelProps) {
  // The chain's events are few beside the messages: pick them out once per trace.
  const chainEvents = useMemo(() => trace.ofKinds(chainKinds), [trace]);
  const audit = useMemo(() => (loaded ? auditAt(chainEvents, tick) : null), [loaded, chainEvents, tick]);
  return (
    <Panel
      testId="audit-chain"
      title="Audit chain"
      caption="Every proposal, vote, tally and execution up to the cursor, each hashed over the one before."
      info={
        <p>
          Each entry stores the hash of the previous entry and a sha256 over its own fields and
          that link. Editing any entry changes its hash, so verification fails at that entry and
          every later link is broken: the log is tamper-evident.
        </p>
      }
    >
      {audit === null ? (
        <EmptyState>The chain grows here as the council records each step.</EmptyState>
      ) : (
        <>
          <Verdict entryCount={audit.entries.length} firstInvalid={audit.firstInvalid} tamperedTick={audit.tamperedTick} />
          <p className="chain-hint">Click an entry to tamper with it: the edit is recorded in the scenario and the link.</p>
          {audit.entries.length === 0 ? (
            <EmptyState>No entry yet at tick {Math.floor(tick)}: the first proposal (or accusation) writes the first.</EmptyState>
          ) : (
            <ol className="chain">
              {audit.entries.map((entry) => (
                <AuditBlock
                  key={entry.sequence}
                  entry={entry}
                  broken={audit.firstInvalid !== null && entry.sequence >= audit.firstInvalid}
                />
              ))}
            </ol>
          )}
        </>
      )}
    </Panel>
  );
}

function Verdict(props: { entryCount: number; firstInvalid: number | null; tamperedTick: number | null }) {
  const { entryCount, firstInvalid, tamperedTick } = props;
  return (
    <p className={`chain-verdict ${firstInvalid === null ? 'ok' : 'broken'}`} data-testid="audit-verdict">
      {firstInvalid === null
        ? `✓ Chain verifies: ${entryCount} entries, every link intact.`
        : `✗ Chain broken at entry ${firstInvalid} (tampered at tick ${tamperedTick}): it and every later link are untrusted.`}
    </p>
  );
}

function AuditBlock({ entry, broken }: { entry: AuditEntry; broken: boolean }) {
  return (
    <li className={`chain-block${broken ? ' broken' : ''}`} data-testid="audit-entry" data-broken={broken}>
      <button
        type="button"
        className="chain-tamper"
        aria-label={`Tamper with audit entry ${entry.sequence} (${entry.eventType} by ${entry.actorId})`}
        onClick={() => void performAction({ id: 'tamper', index: entry.sequence, entryTick: entry.timestamp })}
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
