import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets a heap grow past what its last full collection kept, in
 * percent, for a CLI review (`check`, `triggers`, `graph`), set before the
 * files are collected (reading and classifying them allocates as fast). V8
 * picks the factor itself (up to 4x when collections are cheap next to the
 * work), and the parser's garbage outlives the young generation fast enough
 * that each heap then ran to 100-170 MB around 20-30 MB of live objects: the
 * process peaked at 1.6 times markdownlint-cli2's memory on the bench corpus.
 * At 50 % the collector runs more often over the same small live set
 * (run-review keeps results serialized, out of the heap, so it stays small).
 * On the 1,000-file bench corpus (2 cores, alternating runs, medians;
 * bench/README.md): 416 MiB with V8's own factor, 279-282 MiB at 50 %, 290 at
 * 75 %, 306 at 100 %; CPU time 0 to 20 % more at 50 % from one set of runs to
 * the next.
 */
export const HEAP_GROWING_PERCENT = 50;

let limited = false;

/**
 * Set the growing factor for every heap of this process from now on: this
 * thread's, and those of the workers started after it. V8 reads the flag at
 * each full collection, so it takes effect without a restart. Once per process.
 */
export function limitHeapGrowth(): void {
  if (limited) return;
  limited = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
