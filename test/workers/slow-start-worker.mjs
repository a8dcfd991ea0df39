// The core pool's worker (the built dist/workers/core-tasks.js) made slow to start: it blocks its
// thread for 4 s while loading, as a thread loading the core on a busy machine may.
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 4000);
export * from '../../dist/workers/core-tasks.js';
