import { useEffect, useId, useState } from 'react';
import { chipAgentsMax, formatAgentList, parseAgentList } from './agentList';

export interface ChipLook {
  /** Extra text after the agent id, e.g. the group number of a partition. */
  suffix?: string;
  className?: string;
  /** Spoken and hover text added to "a3". */
  description?: string;
}

export interface AgentPickerProps {
  n: number;
  /** What the agents are being chosen for, e.g. "Agents of fault 1 (silent)". */
  label: string;
  selected: readonly number[];
  onToggle(agent: number): void;
  /** Replaces the whole list (the text input of large scenarios). */
  onSet(agents: number[]): void;
  look?(agent: number): ChipLook;
  testId?: string;
}

/**
 * Clickable agent chips `a0 … a{n-1}`, each a toggle button; above `chipAgentsMax` agents a
 * text input ("0-3, 7") instead, since a thousand chips help no one.
 */
export function AgentPicker({ n, label, selected, onToggle, onSet, look, testId }: AgentPickerProps) {
  if (n > chipAgentsMax) return <AgentListInput label={label} agents={selected} onSet={onSet} testId={testId} />;
  const chosen = new Set(selected);
  return (
    <div className="agent-picker" role="group" aria-label={label} data-testid={testId}>
      {Array.from({ length: n }, (_x, agent) => {
        const { suffix, className, description } = look?.(agent) ?? {};
        const pressed = chosen.has(agent);
        const title = `a${agent}${description ? `: ${description}` : ''}`;
        return (
          <button
            key={agent}
            type="button"
            className={`agent-chip${pressed ? ' is-on' : ''}${className ? ` ${className}` : ''}`}
            aria-pressed={pressed}
            aria-label={title}
            title={title}
            data-agent={agent}
            onClick={() => onToggle(agent)}
          >
            {pressed && !suffix && <span aria-hidden="true">✓</span>}a{agent}
            {suffix && <span className="agent-chip-suffix" aria-hidden="true">{suffix}</span>}
          </button>
        );
      })}
    </div>
  );
}

export function AgentListInput({ label, agents, onSet, testId }: {
  label: string;
  agents: readonly number[];
  onSet(agents: number[]): void;
  testId?: string;
}) {
  const id = useId();
  const formatted = formatAgentList(agents);
  const [text, setText] = useState(formatted);
  useEffect(() => {
    setText((current) => {
      const parsed = parseAgentList(current);
      return parsed.ok && formatAgentList(parsed.agents) === formatted ? current : formatted;
    });
  }, [formatted]);
  const parsed = parseAgentList(text);
  return (
    <div className="config-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={text}
        placeholder="e.g. 0-3, 7"
        aria-invalid={!parsed.ok || undefined}
        data-testid={testId}
        onChange={(event) => {
          setText(event.target.value);
          const next = parseAgentList(event.target.value);
          if (next.ok) onSet(next.agents);
        }}
      />
      <span className="config-hint">{parsed.ok ? `${parsed.agents.length} agents` : parsed.message}</span>
    </div>
  );
}
