import fc from 'fast-check';

// Property tests run with a fixed seed so CI is repeatable; set DRAGNET_FC_SEED to explore other seeds
// (a failure prints its seed and path to replay it).
const seed = Number(process.env.DRAGNET_FC_SEED ?? 20261124);
fc.configureGlobal({ seed, numRuns: Number(process.env.DRAGNET_FC_RUNS ?? 200) });
