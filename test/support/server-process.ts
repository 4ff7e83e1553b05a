import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { projectRoot } from '../../src/config.js';
import { freePort } from './free-port.js';

/**
 * The settings of a server a process test runs on its own: its HTTP port, a free Bolt port, its
 * own store, a small JVM, and no seed (a fresh store, and seeding would add a minute).
 */
export async function ownServerEnv(httpPort: number, dataDir: string): Promise<Record<string, string>> {
  return { PORT: String(httpPort), NEO4J_EMBEDDED_PORT: String(await freePort()), NEO4J_DATA_DIR: dataDir, NEO4J_HEAP: '512m', NEO4J_PAGE_CACHE: '64m', SEED_ON_EMPTY: 'false' };
}

/** A server (or `npm start`) run as its own process, with its output kept line by line. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly lines: string[];
  /** Resolves with the exit code, or the signal's name when a signal ended it. */
  readonly exited: Promise<number | string | null>;
  /** The first line (at or after `from`) matching `pattern`; rejects after `timeoutMs` with the output so far. */
  waitFor(pattern: RegExp, timeoutMs: number, from?: number): Promise<string>;
}

/** Spawns `command args` in the project folder, with NEO4J_URI cleared (the embedded Neo4j) and `env` on top. */
export function spawnServerProcess(command: string, args: readonly string[], env: Record<string, string>): ServerProcess {
  const child = spawn(command, args, {
    cwd: projectRoot,
    env: { ...process.env, NEO4J_URI: '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  const onLine = (line: string) => {
    lines.push(line);
    for (const wake of waiters) wake();
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return {
    child,
    lines,
    exited,
    waitFor(pattern, timeoutMs, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = lines.slice(from).find((l) => pattern.test(l));
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; output:\n${lines.slice(-60).join('\n')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

/** Parent pid, command name and state of a process, from /proc (Linux); undefined once it is gone. */
function procStat(pid: number): { ppid: number; comm: string; state: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split at the last ")".
    const close = stat.lastIndexOf(')');
    const [state, ppid] = stat.slice(close + 2).split(' ');
    return { ppid: Number(ppid), comm: stat.slice(stat.indexOf('(') + 1, close), state: state ?? '' };
  } catch {
    return undefined;
  }
}

/**
 * True while a process with this id runs. A zombie (exited, not yet reaped: an orphan in a
 * container whose init does not reap) counts as gone.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(pid);
  return stat === undefined ? process.platform !== 'linux' : stat.state !== 'Z';
}

/** The live children of a process, with their command names (Linux only). */
export function childProcesses(pid: number): { pid: number; comm: string }[] {
  const children: { pid: number; comm: string }[] = [];
  for (const name of readdirSync('/proc')) {
    const child = Number(name);
    if (!Number.isInteger(child)) continue;
    const stat = procStat(child);
    if (stat && stat.ppid === pid && stat.state !== 'Z') children.push({ pid: child, comm: stat.comm });
  }
  return children;
}

/** Polls `condition` every 100 ms; true as soon as it holds, false when `timeoutMs` passed first. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return condition();
}

/** Kills a process if it is still there, ignoring one that is already gone. */
export function killIfAlive(pid: number | undefined, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, signal);
  } catch {
    // gone already
  }
}
