import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { freePort } from '../support/free-port.js';
import { childProcesses, isAlive, killIfAlive, ownServerEnv, spawnServerProcess, waitUntil, type ServerProcess } from '../support/server-process.js';

/**
 * `npm start` exactly as a user or a process manager runs it (the build included), stopped by a
 * SIGTERM sent to npm alone, as `docker stop` or systemd would. npm passes the signal to its
 * child; that child must be node itself, not a shell that swallows it. The file owns its
 * processes, ports and store.
 */

const dataDir = path.join(projectRoot, '.data', `neo4j-signal-test-${process.pid}`);
let npm: ServerProcess | undefined;
const pids: number[] = [];

afterAll(async () => {
  // Children first, so that none is left orphaned when npm goes.
  for (const pid of [...pids].reverse()) killIfAlive(pid, 'SIGKILL');
  killIfAlive(npm?.child.pid, 'SIGKILL');
  await waitUntil(() => pids.every((pid) => !isAlive(pid)), 10_000);
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

describe('npm start and SIGTERM', () => {
  it('stops npm, node and the embedded JVM within 30 s of a SIGTERM to npm', async () => {
    const httpPort = await freePort();
    npm = spawnServerProcess('npm', ['start'], await ownServerEnv(httpPort, dataDir));
    const npmPid = npm.child.pid!;
    await npm.waitFor(/Innovation graph API ready at/, 240_000);
    const jvmPid = Number(/\(pid (\d+)\)/.exec(await npm.waitFor(/Embedded Neo4j ready/, 1_000))![1]);

    // With `exec`, npm's child is node itself: no shell sits between them to swallow the signal.
    const npmChildren = childProcesses(npmPid);
    expect(npmChildren.map((c) => c.comm)).toEqual(['node']);
    const nodePid = npmChildren[0]!.pid;
    pids.push(nodePid, jvmPid);
    expect(childProcesses(nodePid).map((c) => c.pid)).toContain(jvmPid);
    expect((await fetch(`http://127.0.0.1:${httpPort}/health/ready`)).status).toBe(200);

    const signalledAt = Date.now();
    process.kill(npmPid, 'SIGTERM');
    const allGone = await waitUntil(() => !isAlive(npmPid) && !isAlive(nodePid) && !isAlive(jvmPid), 30_000);
    const ms = Date.now() - signalledAt;
    console.info(`[npm-start-signal] npm ${isAlive(npmPid) ? 'alive' : 'gone'}, node ${isAlive(nodePid) ? 'alive' : 'gone'}, java ${isAlive(jvmPid) ? 'alive' : 'gone'} ${ms} ms after SIGTERM`);
    expect({ npm: isAlive(npmPid), node: isAlive(nodePid), java: isAlive(jvmPid) }).toEqual({ npm: false, node: false, java: false });
    expect(allGone).toBe(true);
    expect(await npm.exited).toBe(0);
    // The API shut down in order rather than being killed.
    expect(npm.lines.some((l) => /"reason":"SIGTERM".*shutting down/.test(l))).toBe(true);
  }, 300_000);
});
