import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/ingest/catalogue-reader.js';
import type { CatalogueReport } from '../../src/ingest/catalogue/draft-report.js';
import { SUMMARY_PLACEHOLDER, type SeedDataFile } from '../../src/ingest/catalogue/draft-seeds.js';
import type { InnovationRecord, PersonRecord } from '../../src/ingest/seed-format.js';
import { listSeedFiles, readSeedSet, SeedValidationError, type KnownIds } from '../../src/ingest/seed-validation.js';
import { describeWithSharedSeed } from '../support/shared-seeds.js';

const root = path.resolve(import.meta.dirname, '../..');
const seedsDir = path.join(root, 'seeds');
const CATALOGUE_KINDS = new Set(['MAIN_CASE', 'SMALL_INNOVATION', 'WATCH_LIST', 'PROCUREMENT_CASE']);

function runCommand(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/tools/catalogue.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fingerprint of every file under seeds/, to show the command only reads them. */
function seedsFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of listSeedFiles(seedsDir)) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The current seeds read straight from their files, without the code under test. */
function currentSeeds() {
  const innovations: InnovationRecord[] = [];
  const people = new Map<string, PersonRecord>();
  for (const file of listSeedFiles(seedsDir)) {
    const data = readJson<SeedDataFile>(file);
    innovations.push(...(data.innovations ?? []));
    for (const person of data.people ?? []) people.set(person.id, { ...people.get(person.id), ...person });
  }
  return { innovations, people };
}

function knownIdsOfSeeds(): KnownIds {
  const set = readSeedSet(listSeedFiles(seedsDir));
  const ids = (records: readonly { id: string }[]) => new Set(records.map((r) => r.id));
  return {
    organisations: ids(set.organisations),
    people: ids(set.people),
    innovations: ids(set.innovations),
    regions: ids(set.regions),
    themes: ids(set.themes),
    sources: ids(set.sources),
  };
}

// The catalogue edition is a shared document outside the repository: the helper skips these
// tests where it is missing, and fails them in CI, so the command never goes untested there.
describeWithSharedSeed('004_f855d06ff6616d57.txt', 'npm run catalogue on the 2021 edition (lsf2)', (catalogueFile) => {
  let out = '';
  let run: ReturnType<typeof runCommand>;
  let report: CatalogueReport;
  let drafts: { name: string; data: SeedDataFile }[] = [];
  let fingerprintBefore = '';

  beforeAll(() => {
    fingerprintBefore = seedsFingerprint();
    out = mkdtempSync(path.join(tmpdir(), 'catalogue-draft-'));
    run = runCommand(catalogueFile, '--out', out, '--json');
    report = JSON.parse(run.stdout) as CatalogueReport;
    drafts = readdirSync(out)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => ({ name, data: readJson<SeedDataFile>(path.join(out, name)) }));
  }, 180_000);

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  const draftInnovations = () => drafts.flatMap((d) => d.data.innovations ?? []);
  const draftPeople = () => new Map(drafts.flatMap((d) => d.data.people ?? []).map((p) => [p.id, p]));

  it('exits 0, reports progress on stderr and leaves seeds/ as it was', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Read \d+ entries/);
    expect(seedsFingerprint()).toBe(fingerprintBefore);
  });

  it('writes a draft for every entry the reader finds, in the files the report lists', () => {
    const read = readCatalogue(readFileSync(catalogueFile, 'utf8'));
    expect(draftInnovations().map((i) => i.source.lines)).toEqual(read.innovations.map((i) => i.lines));
    expect(report.entries.total).toBe(read.innovations.length);
    expect([...drafts.map((d) => d.name), 'report.txt'].sort()).toEqual([...report.written].sort());
    expect(readFileSync(path.join(out, 'report.txt'), 'utf8')).toContain('Could not read');
  });

  it('copies no sentence: every draft carries the summary placeholder', () => {
    const summaries = new Set(draftInnovations().map((i) => i.summary));
    expect([...summaries]).toEqual([SUMMARY_PLACEHOLDER]);
    expect(report.entries.summaryPlaceholders).toBe(draftInnovations().length);
  });

  it('keeps the ids, people and source of the curated seeds', () => {
    const byId = new Map(draftInnovations().map((i) => [i.id, i]));
    const minVideo = byId.get('min-video');
    expect(minVideo?.source.document).toBe('lsf2');
    expect(minVideo?.contacts).toEqual([{ person: 'jens-bolwig', purpose: 'REUSE' }]);
    expect(draftPeople().get('jens-bolwig')).toMatchObject({ email: 'jbol@aarhus.dk', phone: '+45 29 20 84 25', organisation: 'aarhus-kommune' });
  });

  it('reports the same validation problems the seed validation finds in the written drafts', () => {
    let problems: string[] = [];
    try {
      readSeedSet(drafts.map((d) => path.join(out, d.name)), { baseDir: out, knownIds: knownIdsOfSeeds() });
    } catch (error) {
      if (!(error instanceof SeedValidationError)) throw error;
      problems = error.problems.map((p) => `${p.file} ${p.record}: ${p.message}`);
    }
    expect(report.validation.problems.map((p) => `${p.file} ${p.record}: ${p.message}`)).toEqual(problems);
    expect(report.validation.valid).toBe(problems.length === 0);
  });

  it('writes drafts that pass the seed validation once the entries the report names are taken out', () => {
    const flagged = new Set(report.validation.entriesWithProblems);
    // Every main case and procurement case prints its nominator, so none may be among them.
    const flaggedKinds = draftInnovations().filter((i) => flagged.has(i.id)).map((i) => i.kind);
    expect(flaggedKinds.filter((k) => k === 'MAIN_CASE' || k === 'PROCUREMENT_CASE')).toEqual([]);
    const cleanDir = mkdtempSync(path.join(tmpdir(), 'catalogue-clean-'));
    try {
      for (const { name, data } of drafts) {
        const kept = { ...data, ...(data.innovations ? { innovations: data.innovations.filter((i) => !flagged.has(i.id)) } : {}) };
        writeFileSync(path.join(cleanDir, name), JSON.stringify(kept));
      }
      const set = readSeedSet(listSeedFiles(cleanDir), { knownIds: knownIdsOfSeeds() });
      expect(set.innovations).toHaveLength(draftInnovations().length - flagged.size);
    } finally {
      rmSync(cleanDir, { recursive: true, force: true });
    }
  });

  it('counts new, missing, changed and unchanged entries as the seed files give them', () => {
    const seeds = currentSeeds();
    const current = seeds.innovations.filter((i) => CATALOGUE_KINDS.has(i.kind) && i.source.document === 'lsf2');
    const currentIds = new Set(current.map((i) => i.id));
    const draftIds = new Set(draftInnovations().map((i) => i.id));
    const { diff } = report;
    expect(diff.currentCount).toBe(current.length);
    expect(diff.draftCount).toBe(draftIds.size);
    expect(diff.added.map((a) => a.id).sort()).toEqual([...draftIds].filter((id) => !currentIds.has(id)).sort());
    expect(diff.missing.map((m) => m.id).sort()).toEqual([...currentIds].filter((id) => !draftIds.has(id)).sort());
    expect([...diff.changed.map((c) => c.id), ...diff.unchanged].sort()).toEqual([...draftIds].filter((id) => currentIds.has(id)).sort());
  });

  it('names, for each changed field, the value in the seed files and the value in the draft', () => {
    const seeds = currentSeeds();
    const seedById = new Map(seeds.innovations.map((i) => [i.id, i]));
    const draftById = new Map(draftInnovations().map((i) => [i.id, i]));
    const people = draftPeople();
    let checked = 0;
    for (const entry of report.diff.changed) {
      const seed = seedById.get(entry.id)!;
      const draft = draftById.get(entry.id)!;
      for (const change of entry.changes) {
        const person = /^contact ([a-z0-9-]+)\.(\w+)$/.exec(change.field);
        if (person) {
          const field = person[2] as keyof PersonRecord;
          expect(change.current, change.field).toEqual(seeds.people.get(person[1]!)?.[field] ?? null);
          expect(change.draft, change.field).toEqual(people.get(person[1]!)?.[field]);
        } else if (['year', 'kind', 'sector', 'targetGroup', 'title'].includes(change.field)) {
          const field = change.field as keyof InnovationRecord;
          expect(change.current, `${entry.id} ${change.field}`).toEqual(seed[field] ?? null);
          expect(change.draft, `${entry.id} ${change.field}`).toEqual(draft[field] ?? null);
        } else if (change.field === 'source.lines') {
          expect(change.current).toEqual(seed.source.lines);
          expect(change.draft).toEqual(draft.source.lines);
        }
        checked += 1;
      }
    }
    // Unchanged entries agree with the seed files on the plain fields.
    for (const id of report.diff.unchanged) {
      const seed = seedById.get(id)!;
      const draft = draftById.get(id)!;
      expect([draft.year ?? null, draft.kind, draft.source.lines], id).toEqual([seed.year ?? null, seed.kind, seed.source.lines]);
      expect([...(draft.nominators ?? [])].sort(), id).toEqual([...(seed.nominators ?? [])].sort());
    }
    expect(checked).toBe(report.diff.changed.reduce((n, c) => n + c.changes.length, 0));
  });

  it('reports what it could not read with the line numbers of the catalogue', () => {
    const lineCount = readFileSync(catalogueFile, 'utf8').split('\n').length;
    const lines = [
      ...report.unread.drafting.flatMap((n) => (n.line ? [n.line] : [])),
      ...report.unread.emptySections.map((s) => s.line),
      ...report.unread.reader.flatMap((w) => (/^line (\d+):/.exec(w)?.[1] ? [Number(/^line (\d+):/.exec(w)![1])] : [])),
    ];
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toBeGreaterThanOrEqual(1);
      expect(line).toBeLessThanOrEqual(lineCount);
    }
    // The reader's own warning about the phone number that lost a digit reaches the report.
    expect(report.unread.reader).toContainEqual(expect.stringContaining('Helle Knudsen'));
  });

  it('refuses an output folder inside seeds/ with exit 2', () => {
    const before = seedsFingerprint();
    const { code, stderr } = runCommand(catalogueFile, '--out', path.join(seedsDir, 'catalogue'));
    expect(code).toBe(2);
    expect(stderr).toContain('lies inside the curated seeds');
    expect(seedsFingerprint()).toBe(before);
  });
});

describe('npm run catalogue on wrong input', () => {
  it('exits 2 with the usage when no file is given', () => {
    const { code, stderr } = runCommand();
    expect(code).toBe(2);
    expect(stderr).toContain('Give exactly one catalogue text file, got 0.');
    expect(stderr).toContain('Usage: npm run catalogue');
  });

  it('exits 1 and names the file when it cannot be read', () => {
    const missing = path.join(tmpdir(), 'no-such-catalogue.txt');
    const { code, stderr } = runCommand(missing);
    expect(code).toBe(1);
    expect(stderr).toContain(`cannot read ${missing}`);
  });
});

describeWithSharedSeed('000_c28b32a7c3ebaba9.txt', 'npm run catalogue on a document that is not a catalogue edition', (strategyFile) => {
  it('exits 1 and writes nothing for a document that is not a catalogue edition', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'catalogue-none-')), 'drafts');
    const { code, stderr } = runCommand(strategyFile, '--out', out);
    expect(code).toBe(1);
    expect(stderr).toContain('holds no catalogue entry');
    expect(existsSync(out)).toBe(false);
  });
});
