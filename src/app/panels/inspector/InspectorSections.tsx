import type { AgentCard, PersonaCard } from '../../../worker/api';
import { formatNumber, shortHash } from '../../format';
import type { InspectorFacts, SealedFact } from './inspectorFacts';

/** `sha256:3f2a…9c1e`: a hash (with or without its algorithm prefix) shown short. */
function Short({ value, label }: { value: string; label: string }) {
  const [prefix, hex] = value.includes(':') ? [`${value.split(':')[0]}:`, value.slice(value.indexOf(':') + 1)] : ['', value];
  return (
    <code className="hash" title={`${label}: ${value}`}>
      {prefix}
      {shortHash(hex)}
    </code>
  );
}

/** Role chips: leader, lock, commits, down, configured faults. Each has a glyph and a word. */
export function RoleLine({ facts, council }: { facts: InspectorFacts; council: boolean }) {
  return (
    <ul className="inspector-roles" aria-label="Role now">
      {facts.isLeader && <li className="role leader">★ leader of view {facts.view}</li>}
      {!council && !facts.isLeader && <li className="role">view {facts.view}</li>}
      {facts.locked && (
        <li className="role locked" title={`prepared ${valueName(facts.locked.winner)} in view ${facts.locked.view}`}>
          🔒 locked on {valueName(facts.locked.winner)} (round {facts.locked.roundNo})
        </li>
      )}
      {facts.committedRounds.length > 0 && (
        <li className="role committed">✓ committed round{facts.committedRounds.length > 1 ? 's' : ''} {facts.committedRounds.join(', ')}</li>
      )}
      {facts.down && <li className="role down">⏻ {facts.down === 'silent' ? 'silent (sends nothing)' : 'crashed'}</li>}
      {facts.faults.map((fault) => (
        <li key={fault} className="role byzantine">⚠ {fault}</li>
      ))}
      {facts.faults.length === 0 && <li className="role">honest</li>}
    </ul>
  );
}

function verdictText(sealed: SealedFact): { text: string; tone: 'ok' | 'bad' | 'wait' } {
  const { verdict } = sealed;
  if (verdict === null) return { text: 'not resolved yet by the leader', tone: 'wait' };
  const who = `leader a${verdict.leader}`;
  if (verdict.flagged) return { text: `✗ ${who} flagged it as tampered`, tone: 'bad' };
  if (verdict.counted) return { text: `✓ ${who} counted it in the quorum (${verdict.status})`, tone: 'ok' };
  return { text: `${who} resolved without it (${verdict.status})`, tone: 'wait' };
}

/** ResonanceBFT: the sealed evaluation, votes, rejections and trust the trace shows. */
export function TraceFacts({ facts, ownText }: { facts: InspectorFacts; ownText: string | null }) {
  const { sealed } = facts;
  const verdict = sealed ? verdictText(sealed) : null;
  return (
    <>
      <section className="inspector-section" aria-label="Sealed evaluation">
        <h3>
          Sealed evaluation{sealed && <span className="muted"> · round {sealed.roundNo}, view {sealed.view}, tick {sealed.t}</span>}
        </h3>
        {sealed === null ? (
          <p className="muted">Nothing sealed yet.</p>
        ) : (
          <>
            <SealedText text={sealed.text} ownText={ownText} />
            <p className="inspector-line">
              commitment <Short value={sealed.commitment} label="commitment" />
              {sealed.fault && <span className="role byzantine"> sent {sealed.fault}</span>}
            </p>
            <p className={`inspector-line verdict ${verdict!.tone}`}>{verdict!.text}</p>
          </>
        )}
      </section>
      <section className="inspector-section" aria-label="Votes">
        <h3>Votes</h3>
        {facts.votes.length === 0 ? (
          <p className="muted">No votes yet.</p>
        ) : (
          <ul className="inspector-list">
            {facts.votes.map((vote) => (
              <li key={`${vote.t}:${vote.phase}:${vote.view}`}>
                <span className="muted">tick {vote.t}</span> {vote.phase} for {valueName(vote.winner)}{' '}
                <span className="muted">(round {vote.roundNo}, view {vote.view})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {facts.rejectionCount > 0 && (
        <section className="inspector-section" aria-label="Rejected messages">
          <h3>Rejected messages <span className="muted">· {facts.rejectionCount} so far</span></h3>
          <ul className="inspector-list">
            {facts.rejections.map((rejection, i) => (
              <li key={`${rejection.t}:${i}`}>
                <span className="muted">tick {rejection.t}</span> a{rejection.by} rejected its {rejection.type}: {rejection.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <TrustFacts facts={facts} />
    </>
  );
}

/**
 * The sealed text, with the round's description (the same for every agent) muted, once the
 * worker's card says where the agent's own words start.
 */
function SealedText({ text, ownText }: { text: string; ownText: string | null }) {
  const split = ownText !== null && ownText !== text && text.endsWith(ownText);
  return (
    <blockquote className="inspector-text" data-testid="inspector-text">
      {split ? (
        <>
          <span className="task" title="the round's description, sealed before every evaluation">
            {text.slice(0, text.length - ownText.length).trim()}
          </span>{' '}
          {ownText}
        </>
      ) : (
        text
      )}
    </blockquote>
  );
}

function TrustFacts({ facts }: { facts: InspectorFacts }) {
  return (
    <section className="inspector-section" aria-label="Trust and reputation">
      <h3>
        Trust{facts.trust !== null && <span className="muted"> it holds after round {facts.trust.roundNo}</span>}
        {facts.reputation !== null && (
          <span className="muted" title="the mean of the reputations the replicas hold for this agent">
            {' '}· its reputation {formatNumber(facts.reputation)}
          </span>
        )}
      </h3>
      {facts.trust === null ? (
        <p className="muted">No trust row yet: it learns whom to trust when it commits.</p>
      ) : (
        <ul className="trust-row" aria-label={`Its trust in each agent after round ${facts.trust.roundNo}`}>
          {facts.trust.row.map((value, peer) =>
            peer === facts.agent ? null : (
              <li key={peer} title={`a${facts.agent} → a${peer}: trust ${value.toFixed(3)}`}>
                <span className="trust-peer">a{peer}</span>
                <span className="trust-bar"><span style={{ width: `${Math.min(1, Math.max(0, value)) * 100}%` }} /></span>
                <span className="trust-value">{value.toFixed(2)}</span>
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

const voteGlyph: Record<string, string> = { approve: '✓', reject: '✗', abstain: '–' };

/** Council: the voter's weight, its votes per proposal and its bloc. */
export function CouncilFacts({ facts }: { facts: InspectorFacts }) {
  const council = facts.council!;
  return (
    <section className="inspector-section" aria-label="Council votes">
      <h3>Weight {formatNumber(council.weight)}</h3>
      <p className="inspector-line">
        {council.bloc === null
          ? 'No voting bloc detected with this agent.'
          : `⚠ In a voting bloc with ${council.bloc.filter((other) => other !== facts.agent).map((other) => `a${other}`).join(', ')}.`}
      </p>
      {council.votes.length === 0 ? (
        <p className="muted">No votes yet.</p>
      ) : (
        <ul className="vote-chips inspector-votes" aria-label="Its votes, newest first">
          {council.votes.map((vote, i) => (
            <li
              key={`${vote.proposalId}:${i}`}
              className={`vote-chip vote-${vote.value}${vote.fault ? ' byzantine' : ''}`}
              title={`tick ${vote.t}: ${vote.value} on ${vote.proposalId}${vote.fault ? ` (${vote.fault})` : ''}`}
            >
              {vote.proposalId} {voteGlyph[vote.value] ?? ''} {vote.value}
              {vote.fault && ` · ${vote.fault}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Badge({ ok, yes, no, testId }: { ok: boolean; yes: string; no: string; testId: string }) {
  return (
    <span className={`check-badge ${ok ? 'ok' : 'bad'}`} data-testid={testId} data-ok={ok}>
      {ok ? `✓ ${yes}` : `✗ ${no}`}
    </span>
  );
}

function personaLean(persona: PersonaCard): string {
  const size = Math.abs(persona.stance);
  if (size < 0.15) return 'undecided';
  return `${size >= 0.6 ? 'firmly ' : ''}leans ${persona.stance > 0 ? 'approve' : 'reject'}`;
}

/** The worker's card: persona, record, seal and signature verdicts. */
export function HiddenState({ card, cardTick, tick, loaded }: { card: AgentCard | null; cardTick: number | null; tick: number; loaded: boolean }) {
  if (!loaded) return null;
  if (card === null) return <p className="muted">Asking the worker for the hidden state…</p>;
  return (
    <section className="inspector-section hidden-state" aria-label="Hidden state">
      <h3>
        Hidden state <span className="muted">· not in the trace{cardTick !== tick ? ` · as of tick ${cardTick}` : ''}</span>
      </h3>
      <p className="inspector-line">public key <Short value={card.publicKey} label="public key" /></p>
      {card.protocol === 'resonance' && (
        <>
          {card.persona && (
            <dl className="persona" data-testid="inspector-persona">
              <div><dt>stance</dt><dd>{formatNumber(card.persona.stance)} <span className="muted">({personaLean(card.persona)})</span></dd></div>
              <div><dt>certainty</dt><dd>{formatNumber(card.persona.certainty)}</dd></div>
              <div><dt>mood</dt><dd>{formatNumber(card.persona.mood)}</dd></div>
              <div><dt>private words</dt><dd>{card.persona.privateWords.length > 0 ? card.persona.privateWords.join(', ') : 'none'}</dd></div>
            </dl>
          )}
          {card.record === null ? (
            <p className="muted">No sealed record yet.</p>
          ) : (
            <>
              <p className="badges">
                <Badge ok={card.sealValid === true} yes="seal holds" no={card.sealProblem ? `malformed: ${card.sealProblem}` : 'seal broken'} testId="seal-badge" />
                <Badge ok={card.signatureValid === true} yes="signature verifies" no="signature fails" testId="signature-badge" />
                {card.keyMatches === false && <span className="check-badge bad">✗ signed with another key</span>}
              </p>
              <p className="inspector-line">
                nonce <code className="hash">{card.record.nonce}</code> · signature <Short value={card.record.signature} label="ed25519 signature" />
              </p>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** A vote's or lock's value: the winner's id, or "no agreement". */
function valueName(winner: number | null): string {
  return winner === null ? 'no agreement' : `a${winner}`;
}
