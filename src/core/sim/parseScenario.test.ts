import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../canonicalJson';
import { parseScenario, scenarioJsonDepthMax, scenarioTextCharsMax } from './parseScenario';
import type { Scenario } from './scenario';

const minimal = { v: 1, seed: 42, protocol: 'resonance', n: 7 } as const;

/** Every field of schema v1 set, for a ResonanceBFT run. */
const fullResonance = {
  v: 1,
  name: 'Everything set',
  seed: 4294967295,
  protocol: 'resonance',
  n: 7,
  rounds: 3,
  maxTicks: 5000,
  network: {
    latency: [1, 5],
    drop: 0.05,
    partitions: [{ groups: [[0, 1, 2, 3], [4, 5, 6]], from: 0, healAt: 200 }],
  },
  faults: [
    { kind: 'silent', agents: [5], from: 10, until: 300 },
    { kind: 'tamper', agents: [1, 2], axis: 'affective', delta: -12.5 },
    { kind: 'equivocate', agents: [3] },
    { kind: 'biased', agents: [4] },
    { kind: 'sycophant', agents: [6] },
    { kind: 'garble', agents: [0], rate: 0.28 },
    { kind: 'forge', agents: [0] },
    { kind: 'impersonate', agents: [2], victim: 3 },
  ],
  opinions: {
    support: 0.5,
    certainty: [0.1, 0.95],
    privateWords: 8,
    carryOver: 0,
    texts: { '0': 'approve the budget change', '6': 'reject it\nfirmly' },
  },
  resonance: {
    threshold: 1,
    embed: 'stance',
    viewTimeout: 20,
    maxViewChanges: 0,
    deliberation: { steps: 0, stepSize: 1, epsilon: -0.5, classicStart: 'uniform' },
    unsafe: {
      quorum: '2f+1', centroid: 'mean', trim: 'arrived', seal: 'off', membership: 'present', lock: 'off',
    },
  },
  actions: [
    { tick: 5, do: 'drop-next', agent: 1 },
    { tick: 6, do: 'crash', agent: 0 },
    { tick: 60, do: 'restart', agent: 0 },
    { tick: 70, do: 'tamper-audit', index: 3 },
    { tick: 71, do: 'tamper-audit', index: 4, agent: 2 },
  ],
} as const;

const fullCouncil = {
  v: 1,
  seed: 0,
  protocol: 'council',
  n: 4,
  faults: [{ kind: 'bloc', agents: [2, 3] }],
  council: {
    quorumFraction: 1,
    majorityThreshold: 0.5,
    supermajorityThreshold: 0.75,
    expiry: 30,
    allowVoteChange: true,
    weights: [2, 1, 0.5, 1],
    actions: ['quarantine', 'custom-action'],
  },
} as const;

function errorOf(input: unknown): string {
  const result = parseScenario(input);
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.value)}`);
  expect(result.error.message.startsWith(`${result.error.path || 'scenario'}: `)).toBe(true);
  return result.error.message;
}

/** A fault list whose first entry is a hole, as only code (never JSON) can make. */
function sparseFaults(): unknown[] {
  const faults: unknown[] = [];
  faults[1] = { kind: 'biased', agents: [1] };
  return faults;
}

/** `minimal` with one top-level field changed. */
function withField(key: string, value: unknown): Record<string, unknown> {
  return { ...minimal, [key]: value };
}

describe('parseScenario accepts', () => {
  it('the minimal scenario with only v, seed, protocol and n', () => {
    expect(parseScenario(minimal)).toEqual({ ok: true, value: minimal });
  });

  it('a scenario that sets every ResonanceBFT field, unchanged', () => {
    expect(parseScenario(fullResonance)).toEqual({ ok: true, value: fullResonance });
  });

  it('a council scenario with weights, custom actions and a bloc', () => {
    expect(parseScenario(fullCouncil)).toEqual({ ok: true, value: fullCouncil });
  });

  it('JSON text as well as parsed values', () => {
    expect(parseScenario(JSON.stringify(fullResonance, null, 2))).toEqual({ ok: true, value: fullResonance });
  });

  it('returns a fresh object that shares nothing with its input', () => {
    const input = structuredClone(fullResonance) as unknown as Scenario;
    const result = parseScenario(input);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).not.toBe(input);
    expect(result.value.network).not.toBe(input.network);
    expect(result.value.network?.partitions?.[0]?.groups[0]).not.toBe(input.network?.partitions?.[0]?.groups[0]);
    expect(result.value.opinions?.texts).not.toBe(input.opinions?.texts);
    expect(result.value.faults?.[0]).not.toBe(input.faults?.[0]);
  });

  it('treats an undefined field from code as absent', () => {
    expect(parseScenario({ ...minimal, name: undefined, rounds: undefined })).toEqual({ ok: true, value: minimal });
  });

  it('turns -0 into 0, so the scenario survives a JSON round trip unchanged', () => {
    const result = parseScenario(withField('network', { drop: -0 }));
    expect(result.ok && Object.is(result.value.network?.drop, 0)).toBe(true);
  });

  it('accepts a partition with one group, the rest of the agents forming the other side', () => {
    expect(parseScenario(withField('network', { partitions: [{ groups: [[0, 1]], from: 5 }] })).ok).toBe(true);
  });

  it('accepts the same agent in two different faults', () => {
    const faults = [{ kind: 'silent', agents: [1], from: 50 }, { kind: 'tamper', agents: [1] }];
    expect(parseScenario(withField('faults', faults)).ok).toBe(true);
  });

  it('ignores the key order of its input: the canonical JSON is the same', () => {
    const reversed = Object.fromEntries(Object.entries(fullResonance).reverse());
    const [a, b] = [parseScenario(reversed), parseScenario(fullResonance)];
    expect(a.ok && b.ok && canonicalJson(a.value) === canonicalJson(b.value)).toBe(true);
  });
});

describe('parseScenario rejects, naming the field and the value', () => {
  const cases: [string, unknown, string][] = [
    ['a value that is not an object', [1, 2], 'scenario: expected an object, got an array of 2'],
    ['null', null, 'scenario: expected an object, got null'],
    ['a class instance', new Date(0), 'scenario: expected a plain object, got an instance of a class'],
    ['a missing version', { seed: 1, protocol: 'resonance', n: 4 }, 'v: missing (the schema version, 1)'],
    ['a future version', withField('v', 2), 'v: unsupported version 2 (this build reads version 1)'],
    ['a version as text', withField('v', '1'), 'v: expected 1, got "1"'],
    ['an unknown key', withField('colour', 'red'), 'colour: unknown key (allowed: v, name, seed, protocol, n, rounds, maxTicks, network, faults, opinions, resonance, council, actions)'],
    ['a missing seed', { v: 1, protocol: 'council', n: 4 }, 'seed: missing (an integer in [0, 4294967295])'],
    ['a seed past 2^32 − 1', withField('seed', 2 ** 32), 'seed: 4294967296 is out of range [0, 4294967295]'],
    ['a fractional seed', withField('seed', 1.5), 'seed: 1.5 is not an integer'],
    ['a NaN seed', withField('seed', NaN), 'seed: NaN is not a finite number'],
    ['an unknown protocol', withField('protocol', 'raft'), "protocol: expected one of 'resonance', 'council', got \"raft\""],
    ['no agents', withField('n', 0), 'n: 0 is out of range [1, 1000]'],
    ['too many agents', withField('n', 1001), 'n: 1001 is out of range [1, 1000]'],
    ['n as text', withField('n', '7'), 'n: expected an integer, got "7"'],
    ['a long name', withField('name', 'x'.repeat(81)), 'name: a string of 81 characters is too long (at most 80)'],
    ['a name with a line break', withField('name', 'a\nb'), 'name: "a\\nb" contains a control character'],
    ['zero rounds', withField('rounds', 0), 'rounds: 0 is out of range [1, 10000]'],
    ['infinite maxTicks', withField('maxTicks', Infinity), 'maxTicks: Infinity is not a finite number'],
    ['an unknown network key', withField('network', { jitter: 1 }), 'network.jitter: unknown key (allowed: latency, drop, partitions)'],
    ['a latency that is not a pair', withField('network', { latency: [1, 2, 3] }), 'network.latency: expected [low, high], got an array of 3'],
    ['a latency below one tick', withField('network', { latency: [0, 2] }), 'network.latency[0]: 0 is out of range [1, 1000]'],
    ['a latency range upside down', withField('network', { latency: [5, 2] }), 'network.latency: [5, 2] is not a range: low is above high'],
    ['a drop rate above 1', withField('network', { drop: 1.5 }), 'network.drop: 1.5 is out of range [0, 1]'],
    ['a partition healing before it starts', withField('network', { partitions: [{ groups: [[0], [1]], from: 50, healAt: 50 }] }), 'network.partitions[0].healAt: 50 must be after from (50)'],
    ['overlapping partition groups', withField('network', { partitions: [{ groups: [[0, 1], [1, 2]], from: 0 }] }), 'network.partitions[0].groups[1][0]: agent 1 is already in group 0'],
    ['a partition of an unknown agent', withField('network', { partitions: [{ groups: [[0], [9]], from: 0 }] }), 'network.partitions[0].groups[1][0]: agent 9 does not exist (n = 7)'],
    ['an empty partition group', withField('network', { partitions: [{ groups: [[0], []], from: 0 }] }), 'network.partitions[0].groups[1]: a group needs at least one agent'],
    ['a partition that separates nobody', withField('network', { partitions: [{ groups: [[0, 1, 2, 3, 4, 5, 6]], from: 0 }] }), 'network.partitions[0].groups: all 7 agents are on one side, so nothing is partitioned'],
    ['a partition without from', withField('network', { partitions: [{ groups: [[0]] }] }), 'network.partitions[0].from: missing (the tick the partition starts)'],
    ['an agent that does not exist', withField('faults', [{ kind: 'silent', agents: [1] }, { kind: 'biased', agents: [9] }]), 'faults[1].agents[0]: agent 9 does not exist (n = 7)'],
    ['a negative agent', withField('faults', [{ kind: 'biased', agents: [-1] }]), 'faults[0].agents[0]: agent -1 does not exist (n = 7)'],
    ['a fractional agent', withField('faults', [{ kind: 'biased', agents: [1.5] }]), 'faults[0].agents[0]: 1.5 is not an agent index'],
    ['an agent listed twice in one fault', withField('faults', [{ kind: 'biased', agents: [2, 3, 2] }]), 'faults[0].agents[2]: agent 2 is listed twice'],
    ['a fault without agents', withField('faults', [{ kind: 'biased', agents: [] }]), 'faults[0].agents: needs at least one agent'],
    ['an unknown fault kind', withField('faults', [{ kind: 'lazy', agents: [1] }]), "faults[0].kind: expected one of 'silent', 'tamper', 'equivocate', 'biased', 'sycophant', 'garble', 'forge', 'impersonate', 'bloc', 'twin', 'accuse', got \"lazy\""],
    ['a key of another fault kind', withField('faults', [{ kind: 'tamper', agents: [1], rate: 0.5 }]), "faults[0].rate: unknown key for a 'tamper' fault (allowed: kind, agents, from, axis, delta)"],
    ['a silent fault ending before it starts', withField('faults', [{ kind: 'silent', agents: [1], from: 10, until: 10 }]), 'faults[0].until: 10 must be after from (10)'],
    ['a silent fault ending at tick 0', withField('faults', [{ kind: 'silent', agents: [1], until: 0 }]), 'faults[0].until: 0 must be after from (0)'],
    ['an unknown tamper axis', withField('faults', [{ kind: 'tamper', agents: [1], axis: 'moral' }]), "faults[0].axis: expected one of 'semantic', 'affective', 'relational', 'epistemic', 'behavioral', got \"moral\""],
    ['a garble rate above 1', withField('faults', [{ kind: 'garble', agents: [1], rate: 2 }]), 'faults[0].rate: 2 is out of range [0, 1]'],
    ['an impersonator without a victim', withField('faults', [{ kind: 'impersonate', agents: [1] }]), 'faults[0].victim: missing (the agent to impersonate)'],
    ['an impersonator of itself', withField('faults', [{ kind: 'impersonate', agents: [1, 2], victim: 2 }]), 'faults[0].victim: agent 2 is one of the impersonators and cannot be its own victim'],
    ['a victim that does not exist', withField('faults', [{ kind: 'impersonate', agents: [1], victim: 7 }]), 'faults[0].victim: agent 7 does not exist (n = 7)'],
    ['a bloc in a ResonanceBFT run', withField('faults', [{ kind: 'bloc', agents: [1] }]), "faults[0].kind: a 'bloc' fault has no effect with protocol 'resonance' (council only)"],
    ['too many faults', withField('faults', new Array(101).fill({ kind: 'biased', agents: [1] })), 'faults: 101 entries are too many (at most 100)'],
    ['a sparse fault list', withField('faults', sparseFaults()), 'faults[0]: expected an object, got nothing'],
    ['support above 1', withField('opinions', { support: 1.01 }), 'opinions.support: 1.01 is out of range [0, 1]'],
    ['a certainty range upside down', withField('opinions', { certainty: [0.9, 0.3] }), 'opinions.certainty: [0.9, 0.3] is not a range: low is above high'],
    ['too many private words', withField('opinions', { privateWords: 9 }), 'opinions.privateWords: 9 is out of range [0, 8]'],
    ['a text for an agent that does not exist', withField('opinions', { texts: { '7': 'hello' } }), 'opinions.texts["7"]: agent 7 does not exist (n = 7)'],
    ['a text keyed by a non-canonical index', withField('opinions', { texts: { '01': 'hello' } }), 'opinions.texts["01"]: "01" is not an agent index (expected "0" .. "6")'],
    ['a text keyed by a name', withField('opinions', { texts: { a3: 'hello' } }), 'opinions.texts.a3: "a3" is not an agent index (expected "0" .. "6")'],
    ['a text that is too long', withField('opinions', { texts: { '3': 'w'.repeat(2001) } }), 'opinions.texts["3"]: a string of 2001 characters is too long (at most 2000)'],
    ['a text that is not a string', withField('opinions', { texts: { '3': 5 } }), 'opinions.texts["3"]: expected a string, got 5'],
    ['a threshold of 0', withField('resonance', { threshold: 0 }), 'resonance.threshold: 0 is out of range (0, 1]'],
    ['an unknown embedding', withField('resonance', { embed: 'model2vec' }), "resonance.embed: expected one of 'bow', 'stance', got \"model2vec\""],
    ['a view timeout of 0', withField('resonance', { viewTimeout: 0 }), 'resonance.viewTimeout: 0 is out of range [1, 10000]'],
    ['a huge number of deliberation steps', withField('resonance', { deliberation: { steps: 1e9 } }), 'resonance.deliberation.steps: 1000000000 is out of range [0, 64]'],
    ['an epsilon out of range', withField('resonance', { deliberation: { epsilon: 3 } }), 'resonance.deliberation.epsilon: 3 is out of range [-1, 2]'],
    ['an unknown start of the classic chart', withField('resonance', { deliberation: { classicStart: 'random' } }), "resonance.deliberation.classicStart: expected one of 'stances', 'uniform', got \"random\""],
    ['an unknown unsafe switch value', withField('resonance', { unsafe: { quorum: 'f+1' } }), "resonance.unsafe.quorum: expected one of '2f+1', got \"f+1\""],
    ['an unknown unsafe switch', withField('resonance', { unsafe: { crypto: 'off' } }), 'resonance.unsafe.crypto: unknown key (allowed: quorum, centroid, trim, seal, membership, lock, viewChange, proofCheck)'],
    ['a council section in a ResonanceBFT run', withField('council', {}), "council: this section has no effect with protocol 'resonance' (it configures 'council')"],
    ['a resonance section in a council run', { ...fullCouncil, resonance: { threshold: 0.5 } }, "resonance: this section has no effect with protocol 'council' (it configures 'resonance')"],
    ['weights for the wrong number of agents', { ...fullCouncil, council: { weights: [1, 1, 1] } }, 'council.weights: 3 weights for 4 agents (one per agent)'],
    ['a zero weight', { ...fullCouncil, council: { weights: [1, 0, 1, 1] } }, 'council.weights[1]: 0 is out of range (0, 1000000]'],
    ['an empty council action list', { ...fullCouncil, council: { actions: [] } }, 'council.actions: needs at least one action to cycle through'],
    ['an empty council action', { ...fullCouncil, council: { actions: ['quarantine', ''] } }, 'council.actions[1]: must not be empty'],
    ['a long council action', { ...fullCouncil, council: { actions: ['q'.repeat(33)] } }, 'council.actions[0]: a string of 33 characters is too long (at most 32)'],
    ['a fractional expiry', { ...fullCouncil, council: { expiry: 2.5 } }, 'council.expiry: 2.5 is not an integer'],
    ['allowVoteChange as text', { ...fullCouncil, council: { allowVoteChange: 'yes' } }, 'council.allowVoteChange: expected true or false, got "yes"'],
    ['a tamper fault in a council run', { ...fullCouncil, faults: [{ kind: 'tamper', agents: [0] }] }, "faults[0].kind: a 'tamper' fault has no effect with protocol 'council' (resonance only)"],
    ['an action for an agent that does not exist', withField('actions', [{ tick: 1, do: 'crash', agent: 7 }]), 'actions[0].agent: agent 7 does not exist (n = 7)'],
    ['a crash without an agent', withField('actions', [{ tick: 1, do: 'crash' }]), "actions[0].agent: missing ('crash' needs an agent)"],
    ['an index on a crash', withField('actions', [{ tick: 1, do: 'crash', agent: 1, index: 2 }]), "actions[0].index: has no effect on 'crash' (only on 'tamper-audit')"],
    ['a tamper-audit without an index', withField('actions', [{ tick: 1, do: 'tamper-audit' }]), "actions[0].index: missing ('tamper-audit' needs the index of the audit entry)"],
    ['a negative tick', withField('actions', [{ tick: -1, do: 'crash', agent: 1 }]), 'actions[0].tick: -1 is out of range [0, 20000000]'],
    ['an unknown manual action', withField('actions', [{ tick: 1, do: 'reboot', agent: 1 }]), "actions[0].do: expected one of 'drop-next', 'crash', 'restart', 'tamper-audit', got \"reboot\""],
  ];

  it.each(cases)('%s', (_title, input, message) => {
    expect(errorOf(input)).toBe(message);
  });
});

describe('parseScenario refuses prototype keys anywhere', () => {
  const hostile = [
    ['at the top', '{"__proto__": {"polluted": 1}, "v": 1}', '__proto__: "__proto__" is a forbidden key'],
    ['in a section', '{"v":1,"seed":1,"protocol":"resonance","n":4,"network":{"constructor":{}}}', 'network.constructor: "constructor" is a forbidden key'],
    ['in a fault', '{"v":1,"seed":1,"protocol":"resonance","n":4,"faults":[{"kind":"biased","prototype":1}]}', 'faults[0].prototype: "prototype" is a forbidden key'],
    ['in the texts record', '{"v":1,"seed":1,"protocol":"resonance","n":4,"opinions":{"texts":{"0":"a","__proto__":"b"}}}', 'opinions.texts.__proto__: "__proto__" is a forbidden key'],
  ] as const;

  it.each(hostile)('%s', (_where, text, message) => {
    expect(errorOf(text)).toBe(message);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('never reads a field inherited from a polluted Object.prototype', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype['rounds'] = 0;
    try {
      expect(parseScenario(minimal)).toEqual({ ok: true, value: minimal });
    } finally {
      delete prototype['rounds'];
    }
  });
});

describe('parseScenario reads JSON text strictly', () => {
  it('says where the JSON is broken', () => {
    expect(errorOf('{\n  "v": 1,\n  "n": }')).toBe(
      "scenario: invalid JSON at line 3, column 8: unexpected character '}'",
    );
  });

  it('refuses a truncated text', () => {
    expect(errorOf('{"v": 1, "seed"')).toBe("scenario: invalid JSON at line 1, column 16: expected ':' after the key");
  });

  it('refuses duplicate keys, which JSON.parse would silently resolve', () => {
    expect(errorOf('{"v":1,"seed":1,"protocol":"resonance","n":4,"n":1000}')).toBe(
      'scenario: invalid JSON at line 1, column 46: duplicate key "n"',
    );
  });

  it('refuses deep nesting before parsing it', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(errorOf(text)).toBe(
      `scenario: invalid JSON at line 1, column ${scenarioJsonDepthMax + 1}: nesting deeper than ${scenarioJsonDepthMax} levels`,
    );
  });

  it('refuses a text over its size limit without parsing it', () => {
    const text = ' '.repeat(scenarioTextCharsMax + 1);
    expect(errorOf(text)).toBe(
      `scenario: text of ${scenarioTextCharsMax + 1} characters is too long (at most ${scenarioTextCharsMax})`,
    );
  });

  it('shortens a long string in a message and keeps it on one line', () => {
    const message = errorOf(withField('protocol', 'line\n'.repeat(10)));
    expect(message).toBe("protocol: expected one of 'resonance', 'council', got a string of 50 characters");
    expect(errorOf(withField('x'.repeat(40), 1))).toMatch(/^\["x{32}…"\]: unknown key/);
  });
});

describe('parseScenario never throws', () => {
  it('on a getter that throws', () => {
    const input = { ...minimal };
    Object.defineProperty(input, 'rounds', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(errorOf(input)).toBe('scenario: could not be read ("boom")');
  });

  it('on values JSON cannot hold', () => {
    expect(errorOf(withField('seed', 10n))).toBe('seed: expected an integer, got a bigint');
    expect(errorOf(withField('name', Symbol('s')))).toBe('name: expected a string, got a symbol');
    expect(errorOf(withField('network', () => 1))).toBe('network: expected an object, got a function');
  });
});
