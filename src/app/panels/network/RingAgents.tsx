import { memo, type KeyboardEvent } from 'react';
import { BrokenSeal, LockGlyph, QuarantineGlyph } from './glyphs';
import type { RingAgent, RingStatic } from './ringLayout';

interface RingAgentsProps {
  ring: RingStatic;
  selectedAgent: number | null;
  onSelectAgent(agent: number | null): void;
}

/**
 * The static layer: partition bands, the ring track and the agents. It changes only when the
 * whole tick or the selection does, so it is memoised apart from the moving messages.
 */
export const RingAgents = memo(function RingAgents({ ring, selectedAgent, onSelectAgent }: RingAgentsProps) {
  return (
    <>
      <g className="ring-regions" transform={`translate(${ring.cx},${ring.cy})`} aria-hidden="true">
        {ring.regions.map((region) => (
          <g key={region.key} data-testid="partition-region" style={{ color: region.fill }}>
            {region.paths.map((path, i) => (
              <path key={i} className="ring-region" d={path} />
            ))}
            <text className="ring-region-label" x={region.labelX} y={region.labelY} textAnchor={region.labelAnchor}>
              {region.label}
            </text>
          </g>
        ))}
      </g>
      <circle className="ring-track" cx={ring.cx} cy={ring.cy} r={ring.radius} aria-hidden="true" />
      <g className="ring-agents">
        {ring.agents.map((agent) => (
          <AgentNode
            key={agent.index}
            agent={agent}
            ring={ring}
            selected={agent.index === selectedAgent}
            onSelect={() => onSelectAgent(agent.index === selectedAgent ? null : agent.index)}
            onClear={() => onSelectAgent(null)}
          />
        ))}
      </g>
    </>
  );
});

interface AgentNodeProps {
  agent: RingAgent;
  ring: RingStatic;
  selected: boolean;
  onSelect(): void;
  onClear(): void;
}

function agentClass(agent: RingAgent, selected: boolean): string {
  const classes = ['ring-agent'];
  if (agent.down) classes.push('is-down');
  if (agent.quarantine) classes.push('is-quarantined');
  if (agent.isEquivocator) classes.push('is-equivocator');
  else if (agent.byzantineKinds.length > 0) classes.push('is-byzantine');
  if (agent.isLeader) classes.push('is-leader');
  if (selected) classes.push('is-selected');
  return classes.join(' ');
}

function AgentNode({ agent, ring, selected, onSelect, onClear }: AgentNodeProps) {
  const r = ring.agentRadius;
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect();
    } else if (event.key === 'Escape') {
      onClear();
    }
  };
  const labelOffset = r + 4 + (agent.isLeader ? 3 : 0);
  const outsideAnchor = Math.abs(agent.outX) < 0.3 ? 'middle' : agent.outX > 0 ? 'start' : 'end';
  const badgeDistance = r + (ring.labelPlacement === 'outside' ? 22 : 12);
  const byzantine = agent.byzantineKinds.length > 0;
  return (
    <g
      className={agentClass(agent, selected)}
      transform={`translate(${agent.x},${agent.y})`}
      role="button"
      tabIndex={0}
      aria-label={agent.description}
      aria-pressed={selected}
      data-agent={agent.index}
      onClick={onSelect}
      onKeyDown={onKeyDown}
    >
      <title>{agent.description}</title>
      <circle className="ring-focus" r={r + 8} />
      {selected && <circle className="ring-selected" r={r + (agent.isLeader ? 7.5 : 5)} />}
      {agent.isLeader && <circle className="ring-leader" r={r + 3} />}
      {agent.fork && <circle className={`ring-fork fork-side-${Math.min(agent.fork.side, 1)}`} r={r + 1.5} />}
      {agent.quarantine && <circle className="ring-quarantine" data-testid="ring-quarantined" r={r + 5} />}
      <circle className="ring-agent-body" r={r} />
      {agent.showLabel && ring.labelPlacement === 'inside' && (
        <text className="ring-agent-label" dy="0.35em" style={{ fontSize: Math.min(26, r * 0.72) }}>
          {agent.id}
        </text>
      )}
      {agent.showLabel && ring.labelPlacement === 'outside' && (
        <text
          className="ring-agent-label outside"
          x={agent.outX * labelOffset}
          y={agent.outY * labelOffset}
          dy="0.35em"
          textAnchor={outsideAnchor}
        >
          {agent.id}
        </text>
      )}
      {byzantine && ring.showBadges && <BrokenSeal size={Math.max(3.5, r * 0.32)} x={r * 0.78} y={-r * 0.78} />}
      {agent.quarantine && ring.showBadges && (
        <QuarantineGlyph size={Math.max(3.5, r * 0.32)} x={-r * 0.78} y={r * 0.78} />
      )}
      {ring.showBadges && agent.isLocked && <LockGlyph size={Math.max(3.5, r * 0.3)} x={-r * 0.8} y={-r * 0.75} />}
      {ring.showBadges && agent.committedCount > 0 && (
        <text
          className="ring-badge-committed"
          style={{ fontSize: Math.max(11, Math.min(16, r * 0.55)) }}
          x={agent.outX * badgeDistance}
          y={agent.outY * badgeDistance}
          dy="0.35em"
          textAnchor="middle"
        >
          ✓{agent.committedCount}
          {agent.fork && ` ${agent.fork.name}`}
        </text>
      )}
    </g>
  );
}
