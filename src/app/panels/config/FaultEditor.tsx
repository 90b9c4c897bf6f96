import { useId, useState } from 'react';
import { addFault, faultKindsFor, faultyAgents, quorumNumbers, removeFault, replaceFault } from './draftEdits';
import { agentNames } from './applyDraft';
import { FaultCard } from './FaultCard';
import { faultExplanations, limits, type FaultKind } from './scenarioDefaults';
import type { SectionProps } from './RunSection';
import { Section } from './Fields';

/** The list of faults, each removable, and a picker to add one more of any kind. */
export function FaultEditor({ draft, onChange }: SectionProps) {
  const kinds = faultKindsFor(draft.protocol);
  const [chosen, setChosen] = useState<FaultKind>('silent');
  const kind = kinds.includes(chosen) ? chosen : kinds[0]!;
  const selectId = useId();
  const faults = draft.faults ?? [];
  const faulty = faultyAgents(draft);
  const { f } = quorumNumbers(draft.n);
  return (
    <Section title="Faults" defaultOpen note={faults.length > 0 ? `${faulty.length} faulty` : 'all honest'}>
      {faults.length === 0 && <p className="config-hint">No faults: every agent is honest.</p>}
      {faults.map((fault, index) => (
        <FaultCard
          key={index}
          index={index}
          n={draft.n}
          fault={fault}
          onChange={(next) => onChange(replaceFault(draft, index, next))}
          onRemove={() => onChange(removeFault(draft, index))}
        />
      ))}
      {faulty.length > 0 && (
        <p className="config-hint" data-testid="config-faulty">
          Faulty agents: {agentNames(faulty)} ({faulty.length}
          {draft.protocol === 'resonance' ? ` of at most f = ${f} tolerated` : ''})
        </p>
      )}
      <div className="config-add-row">
        <label htmlFor={selectId}>Add a fault</label>
        <select
          id={selectId}
          value={kind}
          data-testid="config-fault-kind"
          onChange={(e) => setChosen(e.target.value as FaultKind)}
        >
          {kinds.map((option) => (
            <option key={option} value={option}>{option}</option>
          ))}
        </select>
        <button
          type="button"
          className="config-small-button"
          data-testid="config-add-fault"
          disabled={faults.length >= limits.faultsMax}
          onClick={() => onChange(addFault(draft, kind))}
        >
          + Add
        </button>
      </div>
      <p className="config-hint">
        <strong>{kind}</strong>: {faultExplanations[kind]}
      </p>
    </Section>
  );
}
