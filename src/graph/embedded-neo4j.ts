import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Runs the embedded Neo4j (the Java launcher in `neo4j/`) as a child process: builds it with Maven
 * the first time, starts it, waits for its ready line, and stops it. The launcher exits by itself
 * when our end of its standard input closes, so a crash or kill of this process leaves no JVM.
 */

export interface EmbeddedNeo4jOptions {
  /** The project folder that holds `neo4j/pom.xml`. */
  readonly projectRoot: string;
  readonly boltPort: number;
  readonly dataDir: string;
  readonly heap: string;
  readonly pageCache: string;
  /** Password of user `neo4j`; when absent, auth is off (the DBMS listens on loopback only). */
  readonly password?: string | undefined;
  /** Folder of plugin jars (APOC for the benchmark); none by default. */
  readonly pluginsDir?: string | undefined;
  /** How long to wait for the ready line. Defaults to 120_000 ms. */
  readonly startTimeoutMs?: number;
  /** Receives build and start-up progress, one human-readable line at a time. */
  readonly onProgress?: (line: string) => void;
}

/** How the JVM ended: an exit code, or the signal that killed it. */
export interface EmbeddedNeo4jExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface EmbeddedNeo4j {
  readonly uri: string;
  readonly pid: number;
  /** Resolves once the JVM has exited, however that came about. */
  readonly exited: Promise<EmbeddedNeo4jExit>;
  /** Shuts the DBMS down cleanly; resolves when the JVM is gone. Safe to call twice. */
  stop(): Promise<void>;
}

export class EmbeddedNeo4jError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedNeo4jError';
  }
}

const READY = 'NEO4J_LAUNCHER READY ';
const FAILED = 'NEO4J_LAUNCHER FAILED ';
const PID_FILE = 'launcher.pid';

// The flags Neo4j's own start script passes on Java 17: Netty and the page cache reach into
// these JDK internals, and without them Neo4j logs warnings or falls back to slower paths.
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+ExitOnOutOfMemoryError',
];

export function launcherPaths(projectRoot: string) {
  const dir = path.join(projectRoot, 'neo4j');
  const target = path.join(dir, 'target');
  return {
    dir,
    pom: path.join(dir, 'pom.xml'),
    sources: path.join(dir, 'src'),
    jar: path.join(target, 'neo4j-launcher.jar'),
    lib: path.join(target, 'lib'),
    stamp: path.join(target, 'build-stamp.txt'),
  };
}

/** A hash of everything the build reads, so that an edited pom or class triggers a rebuild. */
function sourceFingerprint(projectRoot: string): string {
  const paths = launcherPaths(projectRoot);
  const hash = createHash('sha256');
  const files = [paths.pom, ...listFiles(paths.sources)].sort();
  for (const file of files) {
    hash.update(path.relative(paths.dir, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

export function isLauncherBuilt(projectRoot: string): boolean {
  const paths = launcherPaths(projectRoot);
  if (!existsSync(paths.jar) || !existsSync(paths.lib) || !existsSync(paths.stamp)) return false;
  return readFileSync(paths.stamp, 'utf8').trim() === sourceFingerprint(projectRoot);
}

/** Builds the launcher with Maven unless an up-to-date build is there already. */
export async function ensureLauncherBuilt(projectRoot: string, onProgress: (line: string) => void = () => {}): Promise<void> {
  if (isLauncherBuilt(projectRoot)) return;
  const paths = launcherPaths(projectRoot);
  const mvn = process.env.MAVEN_CMD ?? 'mvn';
  onProgress('Building the embedded Neo4j launcher with Maven (first start only; downloads about 130 MB)...');
  const started = Date.now();
  let downloaded = 0;
  const tail: string[] = [];
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(mvn, ['-B', '-DskipTests', 'package'], { cwd: paths.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        new EmbeddedNeo4jError(
          error.code === 'ENOENT'
            ? `Maven ("${mvn}") was not found. The embedded Neo4j is built with Maven 3.8+ on first start: install it, or set NEO4J_URI to use an existing Neo4j.`
            : `Could not run Maven ("${mvn}"): ${error.message}`,
        ),
      );
    });
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (line.startsWith('Downloaded from')) {
        downloaded += 1;
        if (downloaded % 25 === 0) onProgress(`  ${downloaded} artifacts downloaded...`);
      } else if (/BUILD (SUCCESS|FAILURE)|\[ERROR\]/.test(line)) {
        onProgress(`  ${line.replace(/\[INFO\] ?/, '')}`);
      }
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    child.on('close', resolve);
  });
  if (exitCode !== 0) {
    throw new EmbeddedNeo4jError(`The Maven build of the embedded Neo4j launcher failed (exit ${exitCode}). Last lines:\n${tail.join('\n')}`);
  }
  writeFileSync(paths.stamp, `${sourceFingerprint(projectRoot)}\n`);
  onProgress(`Built the launcher in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

function javaCommand(): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, 'bin', 'java') : 'java';
}

/** Fails early and clearly when no Java 17+ is on the machine. */
function checkJava(java: string): void {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new EmbeddedNeo4jError(`Java was not found ("${java}"). The embedded Neo4j needs a JDK 17 or newer: install one, set JAVA_HOME, or set NEO4J_URI.`);
  }
  const match = /version "(\d+)/.exec(`${result.stderr}${result.stdout}`);
  const major = match ? Number(match[1]) : 0;
  if (major < 17) {
    throw new EmbeddedNeo4jError(`The embedded Neo4j needs Java 17 or newer, but "${java}" is version ${match?.[1] ?? 'unknown'}.`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Refuses to start a second DBMS on a store that a live launcher holds. */
function claimDataDir(dataDir: string): void {
  const pidFile = path.join(dataDir, PID_FILE);
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    throw new EmbeddedNeo4jError(
      `An embedded Neo4j is already running on ${dataDir} (pid ${pid}); is another "npm start" running? ` +
        'Stop it first, or give this one its own NEO4J_DATA_DIR and NEO4J_EMBEDDED_PORT, or point NEO4J_URI at the running one.',
    );
  }
  rmSync(pidFile, { force: true });
}

/** Builds (if needed) and starts the embedded Neo4j; resolves once it accepts Bolt connections. */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const progress = options.onProgress ?? (() => {});
  const java = javaCommand();
  checkJava(java);
  await ensureLauncherBuilt(options.projectRoot, progress);
  mkdirSync(options.dataDir, { recursive: true });
  claimDataDir(options.dataDir);

  const paths = launcherPaths(options.projectRoot);
  const args = [
    `-Xms${options.heap}`,
    `-Xmx${options.heap}`,
    ...JVM_FLAGS,
    '-cp',
    // Plugins go on the class path too, not only in plugin_dir: embedded, Neo4j finds a plugin's
    // extensions (APOC's configuration component) on the class path only, and fails without them.
    [paths.jar, path.join(paths.lib, '*'), ...(options.pluginsDir ? [path.join(options.pluginsDir, '*')] : [])].join(path.delimiter),
    'dev.innovationgraph.neo4j.Launcher',
    `--home=${options.dataDir}`,
    `--bolt-port=${options.boltPort}`,
    `--page-cache=${options.pageCache}`,
    ...(options.pluginsDir ? [`--plugins=${options.pluginsDir}`] : []),
  ];
  const env = { ...process.env, NEO4J_PASSWORD: options.password ?? '' };
  progress(`Starting the embedded Neo4j on bolt://127.0.0.1:${options.boltPort} (data in ${options.dataDir})...`);
  const started = Date.now();
  // Its own process group: a Ctrl+C on the terminal reaches only us, and we stop the DBMS after
  // draining HTTP, not while requests are still running against it.
  const child = spawn(java, args, { cwd: options.dataDir, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const exited = new Promise<EmbeddedNeo4jExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const pidFile = path.join(options.dataDir, PID_FILE);

  const uri = await waitForReadyLine(child, exited, options.startTimeoutMs ?? 120_000).catch(async (error: unknown) => {
    await terminate(child, exited);
    throw error;
  });
  writeFileSync(pidFile, `${child.pid}\n`);
  progress(`Embedded Neo4j ready in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${child.pid}).`);

  let stopping: Promise<void> | undefined;
  return {
    uri,
    pid: child.pid!,
    exited,
    stop() {
      stopping ??= terminate(child, exited).finally(() => rmSync(pidFile, { force: true }));
      return stopping;
    },
  };
}

function waitForReadyLine(child: ChildProcess, exited: Promise<EmbeddedNeo4jExit>, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const stderrTail: string[] = [];
    createInterface({ input: child.stderr! }).on('line', (line) => {
      stderrTail.push(line);
      if (stderrTail.length > 30) stderrTail.shift();
    });
    const timer = setTimeout(() => {
      reject(new EmbeddedNeo4jError(`The embedded Neo4j did not report ready within ${timeoutMs / 1000} s. Last output:\n${stderrTail.join('\n')}`));
    }, timeoutMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith(READY)) {
        clearTimeout(timer);
        resolve(line.slice(READY.length).trim());
      } else if (line.startsWith(FAILED)) {
        clearTimeout(timer);
        reject(new EmbeddedNeo4jError(`The embedded Neo4j could not start: ${line.slice(FAILED.length)}`));
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new EmbeddedNeo4jError(`Could not start Java: ${error.message}`));
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new EmbeddedNeo4jError(`The embedded Neo4j exited (${signal ? `signal ${signal}` : `code ${code}`}) before it was ready. Last output:\n${stderrTail.join('\n')}`));
    });
  });
}

/** Closes the launcher's input (its signal to shut down cleanly), then insists if it lingers. */
async function terminate(child: ChildProcess, exited: Promise<EmbeddedNeo4jExit>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stdin?.end();
  const within = (ms: number) => Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
  if (await within(30_000)) return;
  child.kill('SIGTERM');
  if (await within(10_000)) return;
  child.kill('SIGKILL');
  await exited;
}
