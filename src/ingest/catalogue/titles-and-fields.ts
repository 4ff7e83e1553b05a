/** Titles in capitals (over one or more lines) and labelled fields ("INDSTILLER: ...") of an entry. */

import { FIELD_LABEL, collapse, isCapitalLine, isTitleLine } from './line-tests.js';

/** A run of capital lines read as one title; `first` and `last` are 0-based indices. */
export interface TitleRun {
  first: number;
  last: number;
  text: string;
}

/** A labelled field ("INDSTILLER: ...") with the lines it wraps onto, up to a blank line or label. */
export function readLabelledField(lines: string[], index: number): string | undefined {
  const first = (lines[index] ?? '').replace(/^\s*[^:]*:/, '').trim();
  let text = first;
  for (let next = index + 1; next < lines.length; next += 1) {
    const line = (lines[next] ?? '').trim();
    if (!line || FIELD_LABEL.test(line) || /^\p{Lu}+\s*:/u.test(line) || isCapitalLine(line)) break;
    text = text ? joinWrapped(text, line) : line;
  }
  return collapse(text) || undefined;
}

export function readYear(line: string): number | undefined {
  const match = /\b(1[89]\d\d|20\d\d)\b/.exec(line);
  return match?.[1] ? Number(match[1]) : undefined;
}

export function findTitleRuns(lines: string[], from: number, limit: number): TitleRun[] {
  const runs: TitleRun[] = [];
  for (let index = from; index < limit; index += 1) {
    if (!isTitleLine(lines[index])) continue;
    const run = readTitleRun(lines, index, limit);
    runs.push(run);
    index = run.last;
  }
  return runs;
}

export function readTitleRun(lines: string[], first: number, limit: number): TitleRun {
  let last = first;
  while (last + 1 < limit && isTitleLine(lines[last + 1])) last += 1;
  return { first, last, text: joinTitleLines(lines.slice(first, last + 1)) };
}

/** Joins a title printed over several lines; a hyphen at a line end is a split word, unless "- OG". */
export function joinTitleLines(titleLines: string[]): string {
  return collapse(
    titleLines
      .map((line) => line.trim())
      .reduce((joined, line) => {
        if (!joined) return line;
        if (/\p{L}-$/u.test(joined) && !/^(OG|ELLER)\b/i.test(line)) return joined.slice(0, -1) + line;
        return `${joined} ${line}`;
      }, ''),
  );
}

/** Joins a wrapped line onto the text before it, undoing hyphenation ("søvnpro- / blemer"). */
export function joinWrapped(previous: string, next: string): string {
  const before = previous.trimEnd();
  const after = next.trim();
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after) && !/^(og|eller)\b/.test(after)) {
    return before.slice(0, -1) + after;
  }
  return `${before} ${after}`;
}
