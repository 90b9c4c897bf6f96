/**
 * A sweep worker thread for `npm run sweep -- --workers N`: runs chunks of (xi, yi, seed) jobs
 * of one definition (its thread data) with the page's code (`src/worker/sweepJobs.ts`).
 */
import { runSweepJobs, type SweepDefinition, type SweepJob, type SweepRow } from '../worker/sweepJobs';
import { serveChunks, threadData } from './threadChunks';

const definition = threadData<SweepDefinition>();

serveChunks<SweepJob, SweepRow>((jobs, control) => runSweepJobs(definition, jobs, control));
