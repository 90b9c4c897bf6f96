/**
 * A batch worker thread: runs chunks of batch or sweep jobs of one `BatchSpec` (its thread
 * data) with the same code as the page's pool workers, so the command line, the bench and
 * the page get the same results. The thread side of a future `sweep --workers N`.
 */
import { runBatchJobs, type BatchJob, type BatchSpec, type SeedResult } from '../worker/batchJobs';
import { serveChunks, threadData } from './threadChunks';

const spec = threadData<BatchSpec>();

serveChunks<BatchJob, SeedResult>((jobs, control) => runBatchJobs(spec, jobs, control));
