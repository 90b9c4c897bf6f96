/**
 * Sweeps (SPEC §4, §6): a definition over one or two parameters of a base scenario, its
 * cells' concrete scenarios, the metrics of a run, the runs of a sweep (sharded or not) and
 * `#x=1.…` links. The command line, the workers and tests import from here.
 */
export {
  derivedParams, sweepLimits, cellCount, yValueAt, isDerivedParam,
  type SweepAxis, type SweepDefinition, type SweepValue,
} from './sweepDefinition';
export { parseSweep, cellName, type SweepResult } from './parseSweep';
export { cellScenario, cellScenarios, runScenarioOf, sweepSeeds } from './sweepCells';
export { metricNames, consensusTypes, sweepMetrics, type MetricName, type RunMetrics } from './sweepMetrics';
export { sweepJobs, SweepRunner, compareRows, type SweepJob, type SweepRow } from './sweepRuns';
export { encodeSweepLink, decodeSweepLink } from './sweepLink';
export { gallery, type GalleryExperiment } from './gallery';
