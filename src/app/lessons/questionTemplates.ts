import type { InvariantName } from '../../core/sim/engine/traceEvents';
import type { Choice, Predicate } from './lesson';

/**
 * The questions a teacher can ask from the lesson maker: each a yes/no claim about the run at
 * the step's moment, whose answer the player computes from the trace (never the teacher).
 */
export interface QuestionTemplate {
  id: string;
  /** The claim, with `{agent}`, `{round}` or `{invariant}` where its parameters go. */
  label: string;
  needs: readonly ('agent' | 'round' | 'invariant')[];
  predicate(params: { agent: number; round: number; invariant: InvariantName }): Predicate;
}

export const questionTemplates: readonly QuestionTemplate[] = [
  { id: 'committed', label: 'round {round} has committed', needs: ['round'], predicate: ({ round }) => ({ is: 'committed', round }) },
  {
    id: 'inQuorum',
    label: 'a{agent} is in round {round}\'s quorum',
    needs: ['agent', 'round'],
    predicate: ({ agent, round }) => ({ is: 'inQuorum', agent, round }),
  },
  {
    id: 'invariantFailed',
    label: 'the {invariant} monitor has turned red',
    needs: ['invariant'],
    predicate: ({ invariant }) => ({ is: 'invariantFailed', name: invariant }),
  },
  { id: 'viewChanged', label: 'a view change has happened', needs: [], predicate: () => ({ is: 'viewChanged' }) },
  { id: 'stalled', label: 'the run has stalled', needs: [], predicate: () => ({ is: 'stalled' }) },
  { id: 'tampered', label: 'a{agent}\'s seal was found broken', needs: ['agent'], predicate: ({ agent }) => ({ is: 'tampered', agent }) },
  { id: 'certificate', label: 'a certificate convicts a{agent}', needs: ['agent'], predicate: ({ agent }) => ({ is: 'certificate', agent }) },
  { id: 'quarantined', label: 'a{agent} has been quarantined', needs: ['agent'], predicate: ({ agent }) => ({ is: 'quarantined', agent }) },
];

/** The template's claim with its parameters filled in. */
export function claimText(template: QuestionTemplate, params: { agent: number; round: number; invariant: string }): string {
  return template.label
    .replace('{agent}', String(params.agent))
    .replace('{round}', String(params.round))
    .replace('{invariant}', params.invariant);
}

/** "Yes" and "No" choices for a claim: one holds, the other is its negation. */
export function yesNoChoices(claim: string, predicate: Predicate): Choice[] {
  return [
    { say: `Yes: ${claim}`, when: predicate, why: 'That is what the run shows at this moment.' },
    { say: 'No, not at this moment', when: { is: 'not', not: predicate }, why: 'The run does not show it at this moment.' },
  ];
}
