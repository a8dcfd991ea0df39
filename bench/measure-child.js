/**
 * Wall and CPU time, and peak memory, of a child process.
 *
 * Node's process.resourceUsage() does not count children, so CPU time comes
 * from Linux /proc/self/stat: fields 16 and 17 (cutime, cstime) hold the user
 * and system time of waited-for children, in clock ticks. spawnSync waits for
 * the child, so reading them before and after gives the child's CPU time,
 * worker threads included (they are threads of the child). Grandchildren the
 * child waited for are included too.
 * Where /proc is missing, GNU time (/usr/bin/time -f) is tried; otherwise CPU
 * is reported as null.
 */

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Clock ticks per second for /proc times (sysconf(_SC_CLK_TCK); 100 on Linux). */
function clockTicks() {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(out.stdout?.trim());
  return Number.isInteger(n) && n > 0 ? n : 100;
}

const PROC_STAT = '/proc/self/stat';
const HAS_TIME = existsSync('/usr/bin/time');

/**
 * Peak resident memory GNU time wrote (`%M`, KiB), in MiB; null when unreadable.
 * @param {string} file
 */
function peakFrom(file) {
  try {
    // "Command exited with non-zero status N" may come first: the figure is the last line.
    const kib = Number(readFileSync(file, 'utf8').trim().split('\n').pop());
    return Number.isFinite(kib) && kib > 0 ? kib / 1024 : null;
  } catch {
    return null;
  } finally {
    rmSync(file, { force: true });
  }
}
const HAS_PROC = existsSync(PROC_STAT);
const TICKS = HAS_PROC ? clockTicks() : 100;

/**
 * Children's user and system time so far, in seconds.
 * @returns {{ user: number, sys: number }}
 */
function childrenTimes() {
  const stat = readFileSync(PROC_STAT, 'utf8');
  // The command name (field 2) may contain spaces; fields resume after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); cutime is field 16, cstime field 17.
  return { user: Number(fields[13]) / TICKS, sys: Number(fields[14]) / TICKS };
}

/**
 * @typedef {object} Measurement
 * @property {number} wall     seconds
 * @property {number | null} user  seconds of user CPU (null when unknown)
 * @property {number | null} sys   seconds of system CPU (null when unknown)
 * @property {number | null} cpu   user + sys
 * @property {number | null} peakMiB  peak resident memory of the child, worker threads included (null when unknown)
 * @property {number | null} status  exit code (null when killed by a signal)
 * @property {string | null} signal
 * @property {string} method   how CPU was measured
 */

/** How CPU time will be measured on this machine. */
export function cpuMethod() {
  if (HAS_PROC) return `/proc/self/stat cutime+cstime (CLK_TCK ${TICKS})`;
  if (existsSync('/usr/bin/time')) return '/usr/bin/time -f "%e %U %S"';
  return 'unavailable';
}

/**
 * Run `command args` to completion; stdout goes to /dev/null, stderr to
 * `stderrFile` (so failures can be diagnosed without the parent paying for
 * buffering it).
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, stderrFile?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Measurement}
 */
export function measureChild(command, args, { cwd, stderrFile, env } = {}) {
  const devNull = openSync('/dev/null', 'w');
  const errFd = stderrFile ? openSync(stderrFile, 'w') : devNull;
  try {
    if (HAS_PROC) {
      // GNU time, when present, only to learn the child's peak memory (its own CPU is a few milliseconds).
      const rssFile = HAS_TIME ? join(tmpdir(), `measure-child-rss-${process.pid}.txt`) : null;
      const [cmd, argv] = rssFile ? ['/usr/bin/time', ['-o', rssFile, '-f', '%M', command, ...args]] : [command, args];
      const before = childrenTimes();
      const start = process.hrtime.bigint();
      const res = spawnSync(cmd, argv, { cwd, env, stdio: ['ignore', devNull, errFd] });
      const wall = Number(process.hrtime.bigint() - start) / 1e9;
      const after = childrenTimes();
      if (res.error) throw res.error;
      const user = after.user - before.user;
      const sys = after.sys - before.sys;
      const peakMiB = rssFile ? peakFrom(rssFile) : null;
      return { wall, user, sys, cpu: user + sys, peakMiB, status: res.status, signal: res.signal, method: cpuMethod() };
    }
    if (existsSync('/usr/bin/time')) {
      const out = join(tmpdir(), `measure-child-${process.pid}.txt`);
      const start = process.hrtime.bigint();
      const res = spawnSync('/usr/bin/time', ['-o', out, '-f', '%e %U %S %M', command, ...args], { cwd, env, stdio: ['ignore', devNull, errFd] });
      const wall = Number(process.hrtime.bigint() - start) / 1e9;
      if (res.error) throw res.error;
      // GNU time prints "Command exited with non-zero status N" before the figures: take the last line.
      const last = readFileSync(out, 'utf8').trim().split('\n').pop() ?? '';
      const [, user, sys, rssKb] = last.split(' ').map(Number);
      rmSync(out, { force: true });
      return { wall, user, sys, cpu: user + sys, peakMiB: rssKb / 1024, status: res.status, signal: res.signal, method: cpuMethod() };
    }
    const start = process.hrtime.bigint();
    const res = spawnSync(command, args, { cwd, env, stdio: ['ignore', devNull, errFd] });
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    if (res.error) throw res.error;
    return { wall, user: null, sys: null, cpu: null, peakMiB: null, status: res.status, signal: res.signal, method: cpuMethod() };
  } finally {
    if (errFd !== devNull) closeSync(errFd);
    closeSync(devNull);
  }
}
