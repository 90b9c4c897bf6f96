/**
 * What the Explore page asks a pool worker besides running jobs (issue 13): a sweep checked
 * against the schema, its `#x=1.…` link both ways, a run's `#s=1.…` link, the gallery and the
 * presets' scenarios. The page's own code never runs core code; it asks here.
 */
import { preset, presetNames, encodeShareLink, type PresetName, type Scenario } from '../core/sim';
import {
  decodeSweepLink, encodeSweepLink, gallery, parseSweep, runScenarioOf, type GalleryExperiment,
  type SweepDefinition, type SweepJob, type SweepResult,
} from '../core/sim/sweep';
import { streamCodec } from './streamCodec';

/** A sweep checked by the worker: the definition, or one line naming the problem. */
export type SweepCheck = { ok: true; value: SweepDefinition } | { ok: false; message: string };

/** A link the worker made, or why it could not (over 8 KB, an invalid definition). */
export type LinkText = { ok: true; link: string } | { ok: false; message: string };

export interface PresetScenario {
  name: PresetName;
  title: string;
  scenario: Scenario;
}

export type { GalleryExperiment };

function checked(result: SweepResult): SweepCheck {
  return result.ok ? { ok: true, value: result.value } : { ok: false, message: result.error.message };
}

async function linkOf(make: () => Promise<string>): Promise<LinkText> {
  try {
    return { ok: true, link: await make() };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export const exploreApi = {
  checkSweep(input: unknown): SweepCheck {
    return checked(parseSweep(input));
  },
  encodeSweepLink(definition: SweepDefinition): Promise<LinkText> {
    return linkOf(() => encodeSweepLink(definition, streamCodec));
  },
  async decodeSweepLink(text: string): Promise<SweepCheck> {
    return checked(await decodeSweepLink(text, streamCodec));
  },
  /** The `#s=1.…` link of each run (a cell's seeds), in order. */
  runLinks(definition: SweepDefinition, jobs: SweepJob[]): Promise<LinkText[]> {
    return Promise.all(jobs.map((job) =>
      linkOf(() => encodeShareLink(runScenarioOf(definition, job.xi, job.yi, job.seed), streamCodec))));
  },
  gallery(): GalleryExperiment[] {
    return structuredClone([...gallery]);
  },
  presetScenarios(): PresetScenario[] {
    return presetNames.map((name) => {
      const { title, scenario } = preset(name);
      return { name, title, scenario };
    });
  },
};

export type ExploreApi = typeof exploreApi;
