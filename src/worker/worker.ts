/// <reference lib="webworker" />
/**
 * The Web Worker entry: the only place, with src/app/bridge, that imports comlink.
 * Everything here is a thin adapter over src/core, which does the work.
 */
import { expose, transfer } from 'comlink';
import { initFastCrypto } from '../core/crypto';
import {
  decodeShareLink, encodeShareLink, isPresetName, parseScenario, preset, presetMatching, presetNames,
} from '../core/sim';
import type { WorkerApi } from './api';
import { SimSession } from './SimSession';
import { streamCodec } from './streamCodec';

/**
 * The fast WebAssembly crypto backend starts loading at once, and every call waits for it
 * (a few milliseconds, once), so a run never switches backend halfway. If it cannot load, the
 * calls run on @noble: the same results, slower.
 */
const cryptoReady = initFastCrypto();

type AfterCryptoReady<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : T[K];
};

/** `api` with every method first awaiting `cryptoReady` (comlink callers await anyway). */
function afterCryptoReady<T extends object>(api: T): AfterCryptoReady<T> {
  const entries = Object.entries(api).map(([name, method]) => [
    name,
    async (...args: unknown[]) => {
      await cryptoReady;
      return (method as (...args: unknown[]) => unknown)(...args);
    },
  ]);
  return Object.fromEntries(entries) as AfterCryptoReady<T>;
}

const session = new SimSession();
const encoder = new TextEncoder();
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
};

expose(afterCryptoReady(api));
