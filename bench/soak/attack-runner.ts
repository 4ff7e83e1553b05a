import { ATTACKS, SetupFailed, type Attack, type AttackContext } from './attacks.js';

/** How one attack fared over the soak. */
export interface AttackRecord {
  rounds: number;
  /** Rounds whose fixture could not be written (during the database outage, say). */
  setupFailed: number;
  /** Every answer to an attacking request, by outcome (`400 QUERY_TOO_COMPLEX`, `200 ok`, ...). */
  readonly outcomes: Map<string, number>;
  /** Answers outside what the attack expects, and not excused by the outage. */
  readonly unexpected: Map<string, number>;
  /** Rules across a round's answers that broke, e.g. two racing creates both succeeding. */
  readonly broken: string[];
  /** How long the attacking requests of each round took to be answered, in ms (fixture writes not included). */
  readonly roundMs: number[];
}

// The answers any request may get while the database is away, and for a few seconds after.
const OUTAGE_ANSWER = /^(\d+ (SERVICE_UNAVAILABLE|TIMEOUT)|200 problem (SERVICE_UNAVAILABLE|TIMEOUT)|no answer: .*)$/;

export interface AttackRunOptions {
  /** Attack loops running at once; each runs one round after another. */
  readonly loops: number;
  readonly running: () => boolean;
  /** Whether the span from `start` to `end` (ms since the epoch) overlapped the database outage. */
  readonly overlapsOutage: (start: number, end: number) => boolean;
  readonly attacks?: readonly Attack[];
}

/** Runs the attacks, in turn, on `loops` loops, until `running()` turns false; returns their record. */
export async function runAttacks(context: AttackContext, options: AttackRunOptions): Promise<Map<string, AttackRecord>> {
  const attacks = options.attacks ?? ATTACKS;
  const records = new Map<string, AttackRecord>(attacks.map((a) => [a.name, { rounds: 0, setupFailed: 0, outcomes: new Map(), unexpected: new Map(), broken: [], roundMs: [] }]));
  let next = 0;
  // Once the load has ended, attacks without a round yet (their fixture could not be written
  // during the outage, say) get one more chance each, for up to a minute.
  let overtimeEnds: number | undefined;
  const nextAttack = (): Attack | undefined => {
    if (options.running()) return attacks[next++ % attacks.length];
    overtimeEnds ??= Date.now() + 60_000;
    return Date.now() < overtimeEnds ? attacks.find((a) => records.get(a.name)!.rounds === 0) : undefined;
  };
  const loop = async () => {
    for (let attack = nextAttack(); attack; attack = nextAttack()) {
      const record = records.get(attack.name)!;
      const started = Date.now();
      let outcomes: string[];
      let broken: string[] = [];
      let attackMs = 0;
      try {
        ({ outcomes, broken = [], attackMs = Date.now() - started } = await attack.run(context));
      } catch (error) {
        if (error instanceof SetupFailed) {
          record.setupFailed += 1;
          continue;
        }
        outcomes = [`no answer: ${(error as Error).message}`];
      }
      const duringOutage = options.overlapsOutage(started, Date.now());
      record.rounds += 1;
      record.roundMs.push(attackMs);
      for (const outcome of outcomes) {
        bump(record.outcomes, outcome);
        if (!attack.expected.includes(outcome) && !(duringOutage && OUTAGE_ANSWER.test(outcome))) bump(record.unexpected, outcome);
      }
      if (!duringOutage) record.broken.push(...broken);
    }
  };
  await Promise.all(Array.from({ length: options.loops }, loop));
  return records;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
