import { exhaustive } from '../assert';
import {
  faultKinds,
  faultProtocols,
  scenarioAxes,
  scenarioLimits as limits,
  type Fault,
  type FaultKind,
  type GarbleFault,
  type Protocol,
  type SilentFault,
  type TamperFault,
} from './scenario';
import {
  keyPath,
  readAgent,
  readAgentList,
  readChoice,
  readInteger,
  readNumber,
  readOptional,
  readPlainObject,
  reject,
  rejectForbiddenKeys,
  rejectUnknownKeys,
  required,
  type Fields,
} from './scenarioReaders';

// Every fault but `twin` may start at a tick (`from`): a twin's two copies run from the start.
const common = ['kind', 'agents', 'from'] as const;

const faultKeys: Readonly<Record<FaultKind, readonly string[]>> = {
  silent: [...common, 'until'],
  tamper: [...common, 'axis', 'delta'],
  equivocate: common,
  biased: common,
  sycophant: common,
  garble: [...common, 'rate'],
  forge: common,
  impersonate: [...common, 'victim'],
  bloc: common,
  twin: ['kind', 'agents'],
  accuse: [...common, 'victim'],
};

const readTick = (item: unknown, itemPath: string): number => readInteger(item, itemPath, 0, limits.ticksMax);

/**
 * One entry of `faults` (SPEC §4), as a fresh object. The kind is read first, because it
 * decides which other keys are allowed.
 */
export function readFault(value: unknown, path: string, n: number, protocol: Protocol): Fault {
  const fields = readPlainObject(value, path);
  rejectForbiddenKeys(fields, path);
  const kindPath = keyPath(path, 'kind');
  const kindValue = required(fields, 'kind', path, 'the kind of fault');
  const kind = readChoice(kindValue, kindPath, faultKinds);
  if (!faultProtocols[kind].includes(protocol)) {
    const only = faultProtocols[kind].join(' or ');
    reject(kindPath, `a '${kind}' fault has no effect with protocol '${protocol}' (${only} only)`);
  }
  if (kind === 'twin' && Object.hasOwn(fields, 'from')) {
    reject(keyPath(path, 'from'), 'a twin runs its two copies from the start of the run (no from)');
  }
  rejectUnknownKeys(fields, path, faultKeys[kind], `a '${kind}' fault`);
  const agentsPath = keyPath(path, 'agents');
  const agents = readAgentList(required(fields, 'agents', path, 'agent indices'), agentsPath, n);
  if (kind === 'silent') return readSilent(fields, path, agents);
  const fault = readKind(kind, fields, path, agents, n);
  if (kind !== 'twin') readOptional(fault as { from?: number }, 'from', fields, path, readTick);
  return fault;
}

function readKind(kind: Exclude<FaultKind, 'silent'>, fields: Fields, path: string, agents: number[], n: number): Fault {
  switch (kind) {
    case 'tamper': {
      const fault: TamperFault = { kind, agents };
      readOptional(fault, 'axis', fields, path, (item, itemPath) =>
        readChoice(item, itemPath, scenarioAxes),
      );
      const deltaMax = limits.tamperDeltaAbsMax;
      readOptional(fault, 'delta', fields, path, (item, itemPath) =>
        readNumber(item, itemPath, { min: -deltaMax, max: deltaMax }),
      );
      return fault;
    }
    case 'garble': {
      const fault: GarbleFault = { kind, agents };
      readOptional(fault, 'rate', fields, path, (item, itemPath) =>
        readNumber(item, itemPath, { min: 0, max: 1 }),
      );
      return fault;
    }
    case 'impersonate':
    case 'accuse':
      return { kind, agents, victim: readVictim(fields, path, agents, n, kind) };
    case 'equivocate':
    case 'biased':
    case 'sycophant':
    case 'forge':
    case 'bloc':
    case 'twin':
      return { kind, agents };
    default:
      return exhaustive(kind);
  }
}

function readSilent(fields: Fields, path: string, agents: number[]): Fault {
  const fault: SilentFault = { kind: 'silent', agents };
  readOptional(fault, 'from', fields, path, readTick);
  readOptional(fault, 'until', fields, path, readTick);
  const from = fault.from ?? 0;
  if (fault.until !== undefined && fault.until <= from) {
    reject(keyPath(path, 'until'), `${fault.until} must be after from (${from})`);
  }
  return fault;
}

function readVictim(
  fields: Fields,
  path: string,
  agents: number[],
  n: number,
  kind: 'impersonate' | 'accuse',
): number {
  const victimPath = keyPath(path, 'victim');
  const role = kind === 'impersonate' ? 'impersonators' : 'accusers';
  const what = kind === 'impersonate' ? 'the agent to impersonate' : 'the agent to accuse';
  const victimValue = required(fields, 'victim', path, what);
  const victim = readAgent(victimValue, victimPath, n);
  if (agents.includes(victim)) {
    reject(victimPath, `agent ${victim} is one of the ${role} and cannot be its own victim`);
  }
  return victim;
}
