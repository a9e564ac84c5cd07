// Loaded before every unit, integration and security test file (vitest.config.mts): every fast-check
// property runs from one pinned seed, so a run cannot pass or fail by the luck of its inputs. A
// failure prints the seed and the shrunk counterexample; PROPERTY_SEED=<n> replays or explores another.
import fc from "fast-check";

export const PROPERTY_SEED = Number(process.env.PROPERTY_SEED ?? 20261207);

fc.configureGlobal({ seed: PROPERTY_SEED });
