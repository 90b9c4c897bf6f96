import { AssertionError } from '../../assert';
import { canonicalJson } from '../../canonicalJson';
import { parseScenario } from '../parseScenario';
import type { Scenario } from '../scenario';
import biasedMinority from './biased-minority.json';
import byzantineTamper from './byzantine-tamper.json';
import councilBloc from './council-bloc.json';
import councilQuarantine from './council-quarantine.json';
import crashLeader from './crash-leader.json';
import equivocation from './equivocation.json';
import evidenceToQuarantine from './evidence-to-quarantine.json';
import falseAccusation from './false-accusation.json';
import happyPath from './happy-path.json';
import hkClassic from './hk-classic.json';
import partitionHeal from './partition-heal.json';
import scale49 from './scale-49.json';
import silentTwo from './silent-two.json';
import splitStance from './split-stance.json';
import sycophancy from './sycophancy.json';
import unsafe2f1Fork from './unsafe-2f1-fork.json';
import unsafeMean from './unsafe-mean.json';
import unsafeMembership from './unsafe-membership.json';
import unsafeViewChange from './unsafe-view-change.json';
import unsafeLockOff from './unsafe-lock-off.json';
import unsafeTrimArrivals from './unsafe-trim-arrivals.json';

/**
 * The named scenarios of SPEC §4. Names are stable: links and tests use them. Each is a
 * scenario file beside this one, validated by `parseScenario` like any other input, with a
 * paragraph saying what to watch and why it happens.
 */
const catalog = {
  'happy-path': {
    file: happyPath,
    explanation:
      'Seven honest agents. Each round the leader proposes, every agent seals and signs its evaluation, the ' +
      'leader resolves once n−f = 5 records are in, and two rounds of 2f+1 votes (prepare, then commit) finish ' +
      'the round. Watch the quorum form and every commit land on the timeline.',
  },
  'silent-two': {
    file: silentTwo,
    explanation:
      'Two of seven agents have crashed and never answer. f = 2, so n−f = 5 live agents are exactly enough: every ' +
      'round still commits with 5 evaluations counted of the 5 needed. One more crash and the cluster would stall, which is the point of n−f.',
  },
  'crash-leader': {
    file: crashLeader,
    explanation:
      'The leader of view 0 is inert. Nobody hears a proposal, every replica times out, sends NEW-VIEW and moves ' +
      'to view 1, whose leader proposes instead. Watch the view change on the timeline.',
  },
  'byzantine-tamper': {
    file: byzantineTamper,
    explanation:
      'Two agents edit their vectors after sealing them. Every honest resolver recomputes the seal, flags both as ' +
      'tampered and leaves them out of the centroid; the five honest agents still reach n−f = 5 and commit.',
  },
  'partition-heal': {
    file: partitionHeal,
    explanation:
      'A 4/3 split: neither side holds n−f = 5 agents, so no side can commit and views change on both sides. At ' +
      'tick 200 the partition heals, a leader reaches a quorum and the rounds commit. Safety first, then liveness.',
  },
  equivocation: {
    file: equivocation,
    explanation:
      'Agent a3 signs two different evaluations and sends each to half of its peers. Both are validly signed under ' +
      'one key, so together they are a certificate anyone can verify with a3\'s public key alone.',
  },
  'biased-minority': {
    file: biasedMinority,
    explanation:
      'Two agents argue the extreme opposite, validly sealed. The trimmed mean drops f values at each end of every ' +
      'coordinate, so the centroid stays inside the box of the honest agents\' opinions.',
  },
  'split-stance': {
    file: splitStance,
    explanation:
      'With the small topic + stance embedding, "approve" and "reject" texts about the same change are close on ' +
      'topic. The quorum forms, but the false-agreement audit sees the opposed stances inside it and flags them.',
  },
  sycophancy: {
    file: sycophancy,
    explanation:
      'Two agents copy what the leader wrote instead of judging for themselves. They land in every quorum; the ' +
      'sycophancy audit is what exposes them: they repeated the leader word for word, then moved toward less ' +
      'confident peers (a negative evidence delta). Honest agents may score below zero too, but only these two ' +
      'are flagged.',
  },
  'scale-49': {
    file: scale49,
    explanation: 'Forty-nine agents: f = 16 and every commit needs n−f = 33 sealed evaluations in the quorum.',
  },
  'unsafe-mean': {
    file: unsafeMean,
    explanation:
      'The same biased minority, with the trimmed mean switched off. The plain mean lets two extreme agents drag ' +
      'the centroid out of the honest box: the validity invariant turns red.',
  },
  'unsafe-2f1-fork': {
    file: unsafe2f1Fork,
    explanation:
      'Twelve agents, f = 3, and the textbook quorum 2f+1 = 7 instead of n−f = 9. Three equivocators (no more ' +
      'than f) include the leader, which shows one value to half of the honest replicas and another to the ' +
      'other half, and they vote for both. Two 7-vote quorums share only the three Byzantine agents, so both ' +
      'halves commit: the ring draws the two sides, the timeline has a row for each, and the agreement invariant ' +
      'turns red. With n−f, neither half reaches 9 and views change ' +
      'until an honest leader proposes: that is why the quorum is n−f. (At n = 10, which is 3f+1, the two ' +
      'rules coincide, so the fork needs n > 3f+1.)',
  },
  'unsafe-membership': {
    file: unsafeMembership,
    explanation:
      'A permanent 6/4 split of ten agents, with n counted from the records present instead of the configured ' +
      'membership. Each side believes it is the whole cluster, commits on its own, and the two sides disagree: ' +
      'the agreement invariant turns red.',
  },
  'unsafe-view-change': {
    file: unsafeViewChange,
    explanation:
      'Four agents and the reference rule for view changes: a lock binds only the winner, and a new view never ' +
      're-proposes what was locked. In round 2 all four lock on a3 in view 0, then a 2/2 split (ticks 29–62) eats ' +
      'the commit votes. After the heal every new leader collects fresh records whose winner differs; the locked ' +
      'replicas refuse it, views run out and the run stalls: liveness-after-heal turns red. Switch the rule off ' +
      'and the new-view messages carry the lock and its certificate, the next leader re-proposes the locked value ' +
      'and every round is decided.',
  },
  'unsafe-lock-off': {
    file: unsafeLockOff,
    explanation:
      'Four agents with two safety rules off: replicas ignore their prepare locks, and the reference view change ' +
      'carries no locks and no commit certificates. In round 1 all four prepare the proposal whose winner is a1 ' +
      'and send their commit votes at tick 4; a1, a2 and a3 crash for one tick (5), so only a0 receives the votes ' +
      'and commits a1. Nothing tells the other three when they restart: their view times out at tick 40, the new ' +
      'leader a1 collects fresh records whose winner is a3, and the three commit that. Round 1 is decided two ways ' +
      'and the agreement invariant turns red. Three crashes are more than f = 1, which may stop progress but must ' +
      'never fork a run: with both rules on, a0 answers their new-view messages with its commit certificate and ' +
      'they commit a1 too.',
  },
  'unsafe-trim-arrivals': {
    file: unsafeTrimArrivals,
    explanation:
      'The biased minority again (a5 and a6, f = 2), with the trimmed mean told to trim by the records that ' +
      'arrived, ⌊(k−1)/3⌋ at each end, instead of f. The leader resolves as soon as n−f = 5 records are in, and ' +
      'in round 1 both biased records are among them: it trims only one value at each end, so one extreme ' +
      'survives on each coordinate and the centroid leaves the box of the honest values (on semantic coordinate ' +
      '1 the honest agents all say 0 and the centroid is 0.0745). The validity invariant turns red, in rounds 1 ' +
      'and 2. Trimming f at each end, whatever arrived, keeps the centroid inside.',
  },
  'hk-classic': {
    file: hkClassic,
    explanation:
      'Two hundred agents, one round. The opinion panel draws the textbook Hegselmann–Krause model in one ' +
      'dimension: the deliberated agents (the 160 evaluations the leader holds when it proposes) start from ' +
      'opinions drawn uniformly in [0, 1], and at each step every agent moves to the mean of the opinions within ' +
      'ε of its own. Clusters that no longer see each other stop merging, so ε sets how many remain: here six' +
      '  at ε = 0.05, three at 0.1, two at 0.15 and 0.2, one from 0.3 up. Change ε in the ' +
      'configuration and watch the count change. The chart is the classic model, not the agents\' texts; the ' +
      'protocol still deliberates over what they wrote.',
  },
  'evidence-to-quarantine': {
    file: evidenceToQuarantine,
    explanation:
      'Seven agents with accountability on; a3 equivocates, sending one signed evaluation to a0–a2 and another ' +
      'to a4–a6. When the leader\'s round-1 proposal reaches a4, it carries the record a4 did not receive: a4 now ' +
      'holds two different records signed by a3 for one round, a proof anyone can check. It proposes to the ' +
      'Council that a3 be quarantined, with the proof attached; every voter verifies the proof itself, six ' +
      'approve and only a3 rejects, and the quarantine executes while round 1 is still running. From round 2 ' +
      'on the honest replicas ignore a3, and rounds 2 and 3 commit without it (n and f unchanged).',
  },
  'false-accusation': {
    file: falseAccusation,
    explanation:
      'Seven agents with accountability on; a6 accuses the honest a2 of equivocating, with a forged proof: two ' +
      'records under a2\'s key that a6 signed itself. Every voter checks the proof, finds that no signature ' +
      'verifies, and rejects; only a6 approves. The audit chain records the accusation, each vote and the ' +
      'rejection, a2 keeps voting and sealing, and every honest store lowers a6\'s reputation from 1 to 0.72. ' +
      'Turn the proof check off (resonance.unsafe.proofCheck) and the same vote quarantines a2: the ' +
      'no-honest-quarantine monitor turns red.',
  },
  'council-quarantine': {
    file: councilQuarantine,
    explanation:
      'A weighted council of seven (a0 weighs 2) votes to quarantine and then to terminate. One Byzantine voter ' +
      'rejects everything; terminate is critical and needs two thirds, which the honest weight still reaches.',
  },
  'council-bloc': {
    file: councilBloc,
    explanation:
      'Three voters collude and always vote together against the majority. The agreement matrix shows them at ' +
      '100% with each other, and bloc detection finds the clique.',
  },
} as const;

export type PresetName = keyof typeof catalog;

export interface Preset {
  name: PresetName;
  title: string;
  explanation: string;
  scenario: Scenario;
}

export const presetNames = Object.keys(catalog) as PresetName[];

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(catalog, name);
}

/** The preset, validated; a fresh copy each call. */
export function preset(name: PresetName): Preset {
  const entry = catalog[name];
  const parsed = parseScenario(entry.file);
  if (!parsed.ok) throw new AssertionError(`preset ${name} is invalid: ${parsed.error.message}`);
  return { name, title: parsed.value.name ?? name, explanation: entry.explanation, scenario: parsed.value };
}

let presetTexts: Map<string, PresetName> | null = null;

/**
 * The preset whose scenario this is, exactly (canonical JSON of the validated scenarios), or
 * null: a link to an unedited preset opens with the preset's name and paragraph.
 */
export function presetMatching(scenario: Scenario): PresetName | null {
  presetTexts ??= new Map(presetNames.map((name) => [canonicalJson(preset(name).scenario), name]));
  return presetTexts.get(canonicalJson(scenario)) ?? null;
}
