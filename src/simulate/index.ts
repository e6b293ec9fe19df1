// The simulator's public face: what the CLI, the server's demo seeding and the benchmarks use.
export { type Evaluation, evaluate, formatEvaluation, type Prediction } from './evaluate.js';
export { type SimulationSummary, simulate, writeSimulation } from './simulate.js';
export { loadTruth, parseTruth, type Truth } from './truth.js';
export { buildWorld, demoWorldOptions, type WorldOptions } from './world.js';
