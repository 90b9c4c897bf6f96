/**
 * The parameters the Explore editor offers, in words, with a sensible default range each
 * (issue 13). A sweep may name any field path; these are the meaningful ones.
 */
export interface SweepParamInfo {
  param: string;
  label: string;
  /** The default values, as the editor's text. */
  values: string;
  /** Which protocol it applies to; null: both. */
  protocol: 'resonance' | 'council' | null;
  /** Needs `base.faults[0]`, or `base.network.partitions[0]`. */
  needs?: 'fault' | 'partition';
}

const unsafeSwitches: [string, string][] = [
  ['quorum', 'quorum 2f+1'], ['centroid', 'plain mean'], ['trim', 'trim by arrivals'], ['seal', 'no seal checks'],
  ['membership', 'n from records present'], ['lock', 'no prepare lock'], ['viewChange', 'reference view change'],
];

export const sweepParams: readonly SweepParamInfo[] = [
  { param: 'n', label: 'Agents (n)', values: '4, 7, 10, 13, 16', protocol: null },
  { param: 'faulty', label: 'Faulty agents (the first fault, from the end of the roster)', values: '0, 1, 2, 3', protocol: null, needs: 'fault' },
  { param: 'faults.0.kind', label: 'Kind of the first fault', values: 'silent, tamper, equivocate, biased, garble', protocol: 'resonance', needs: 'fault' },
  { param: 'network.drop', label: 'Drop rate', values: '0, 0.05, 0.1, 0.15, 0.2', protocol: null },
  { param: 'network.latency.1', label: 'Slowest message latency (ticks)', values: '3, 5, 8, 12, 20', protocol: null },
  { param: 'network.partitions.0.healAt', label: 'Partition heals at (tick)', values: '100, 200, 300, 400', protocol: null, needs: 'partition' },
  { param: 'resonance.threshold', label: 'Commit threshold', values: '0.3, 0.45, 0.6, 0.75, 0.9', protocol: 'resonance' },
  { param: 'resonance.deliberation.epsilon', label: 'HK ε (confidence radius)', values: '0.02, 0.05, 0.1, 0.2, 0.4, 0.8', protocol: 'resonance' },
  { param: 'resonance.deliberation.stepSize', label: 'HK step size', values: '0.1, 0.3, 0.5, 0.7, 0.9', protocol: 'resonance' },
  { param: 'resonance.deliberation.steps', label: 'HK steps', values: '1, 3, 5, 10, 15', protocol: 'resonance' },
  ...unsafeSwitches.map(([name, words]): SweepParamInfo => ({
    param: `resonance.unsafe.${name}`, label: `Unsafe: ${words}`, values: 'false, true', protocol: 'resonance',
  })),
  { param: 'opinions.support', label: 'Share of agents leaning to approve', values: '0.2, 0.4, 0.6, 0.8, 1', protocol: null },
  { param: 'council.quorumFraction', label: 'Council quorum (share of weight)', values: '0.3, 0.5, 0.7, 0.9', protocol: 'council' },
  { param: 'council.majorityThreshold', label: 'Council majority threshold', values: '0.4, 0.5, 0.6, 0.7', protocol: 'council' },
  { param: 'council.supermajorityThreshold', label: 'Council supermajority threshold', values: '0.55, 0.67, 0.8, 0.9', protocol: 'council' },
  { param: 'faultyWeight', label: 'Council weight of each faulty (bloc) agent', values: '1, 2, 3, 4', protocol: 'council', needs: 'fault' },
];

/** A parameter's words: its label, or the path itself for one the list does not have. */
export function paramLabel(param: string): string {
  return sweepParams.find((info) => info.param === param)?.label ?? param;
}

/** The parameters that make sense for a base: its protocol, and what it needs. */
export function paramsFor(protocol: 'resonance' | 'council', hasFault: boolean, hasPartition: boolean): SweepParamInfo[] {
  return sweepParams.filter((info) =>
    (info.protocol === null || info.protocol === protocol) &&
    (info.needs !== 'fault' || hasFault) && (info.needs !== 'partition' || hasPartition));
}
