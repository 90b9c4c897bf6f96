export {
  describeForkChange, forkChangeKinds, forkFaultKinds, forkFaultsFor, forkUnsafeRules, unsafeValues,
  victimFaultKinds, type ForkChange, type ForkFaultKind, type ForkUnsafeRule,
} from './forkChange';
export { forkScenario } from './forkScenario';
export { parseComparison, type Comparison, type OpenedComparison } from './comparison';
export { decodeCompareLink, encodeCompareLink } from './compareLink';
export { firstDivergence, type Divergence } from './firstDivergence';
