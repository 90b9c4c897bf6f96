import {
  decodeLessonLink, decodeShareLink, encodeLessonLink, encodeShareLink, isPresetName, parseScenario, preset, presetMatching, presetNames,
} from '../core/sim';
import { decodeCompareLink, encodeCompareLink, parseComparison } from '../core/sim/fork';
import type { WorkerApi } from './api';
import { SimSession } from './SimSession';
import { streamCodec } from './streamCodec';

/** Marks buffers to move, not copy, across the worker boundary (comlink's `transfer`). */
export type Transfer = <T>(value: T, transferables: Transferable[]) => T;

const encoder = new TextEncoder();

/**
 * The worker's API over one simulation session: a thin adapter over src/core. The worker entry
 * exposes it through comlink; tests call it in-process as the page's fake bridge.
 */
export function createWorkerApi(options: { transfer?: Transfer } = {}): WorkerApi {
  const transfer: Transfer = options.transfer ?? ((value) => value);
  const session = new SimSession();
  let stepTick = 0;
  const api: WorkerApi = {
    load(input, epoch) {
      stepTick = 0;
      return session.load(input, epoch);
    },
    run: (epoch) => session.advance(epoch, Infinity),
    ahead(epoch) {
      const { events, ...batch } = session.ahead(epoch);
      const eventsJson = encoder.encode(JSON.stringify(events));
      return transfer({ ...batch, eventsJson }, [eventsJson.buffer]);
    },
    step(epoch, ticks) {
      stepTick += ticks;
      return session.advance(epoch, stepTick);
    },
    result: (epoch) => session.result(epoch),
    coreTrace: (epoch) => session.coreTrace(epoch),
    seek(epoch, tick) {
      stepTick = tick;
      return session.seek(epoch, tick);
    },
    inspectAgent: (epoch, tick, agent) => session.inspectAgent(epoch, tick, agent),
    batch: (scenario, seeds, token, progress) => session.batch(scenario, seeds, token, progress),
    sweep: (scenario, param, values, seeds, token, progress) =>
      session.sweep(scenario, param, values, seeds, token, progress),
    cancel: (token) => session.cancel(token),

    presets: () =>
      presetNames.map((name) => {
        const { title, scenario, explanation } = preset(name);
        return { name, title, protocol: scenario.protocol, explanation };
      }),

    preset(name) {
      if (!isPresetName(name)) throw new Error(`Unknown preset "${String(name)}"`);
      return preset(name).scenario;
    },

    validate(input) {
      const parsed = parseScenario(input);
      return parsed.ok ? parsed : { ok: false, message: parsed.error.message };
    },

    encodeLink: (scenario) => encodeShareLink(scenario, streamCodec),

    async decodeLink(text) {
      const result = await decodeShareLink(text, streamCodec);
      if (!result.ok) return { ok: false, message: result.error.message };
      return { ok: true, value: result.value, preset: presetMatching(result.value) };
    },

    async encodeLessonLink(lesson) {
      try {
        return { ok: true, link: await encodeLessonLink(lesson, streamCodec) };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },

    decodeLessonLink: (text) => decodeLessonLink(text, streamCodec),
    fork(base, at, change) {
      const result = parseComparison({ v: 1, base, at, change });
      return result.ok ? result : { ok: false, message: result.error.message };
    },

    encodeCompareLink: (comparison) => encodeCompareLink(comparison, streamCodec),

    async decodeCompareLink(text) {
      const result = await decodeCompareLink(text, streamCodec);
      return result.ok ? result : { ok: false, message: result.error.message };
    },
  };
  return api;
}
