/** The headings that open the parts of the catalogue, and the line ranges they give. */

import { collapse, nextNonBlank, previousNonBlank, sentenceCase } from './line-tests.js';

/** A heading that opens a part of the catalogue; `line` is a 0-based index. */
export interface Landmark {
  line: number;
  kind: 'MAIN_SECTION' | 'SMALL' | 'WATCH' | 'INSIGHTS';
  label: string;
}

export function findLandmarks(lines: string[]): Landmark[] {
  const landmarks: Landmark[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    // "OFFENTLIG INNOVATION / – DET KOMMUNALE LANDSKAB" opens the municipal (regional, state) cases.
    const landscape = /^[–-]\s*DET\s+(\p{Lu}+)\s+LANDSKAB$/u.exec(line);
    if (landscape?.[1]) {
      // The heading's first line, "OFFENTLIG INNOVATION", belongs to the section, not the entry above.
      const above = previousNonBlank(lines, index - 1, Math.max(0, index - 3));
      const first = above !== undefined && /^OFFENTLIG INNOVATION$/.test(collapse(lines[above] ?? '')) ? above : index;
      landmarks.push({ line: first, kind: 'MAIN_SECTION', label: `${sentenceCase(landscape[1])} indstillinger` });
    } else if (line === 'INNOVATIVER') {
      // Exact match: the corona overview also says "INNOVATIVER PÅ SIDE ...".
      landmarks.push({ line: index, kind: 'SMALL', label: 'Innovativer' });
    } else if (/^HOLD ØJE MED\b/.test(line)) {
      landmarks.push({ line: index, kind: 'WATCH', label: sentenceCase(line) });
    } else if (line === 'COI-INDSIGTER') {
      const subtitle = nextNonBlank(lines, index + 1, lines.length);
      const label = subtitle === undefined ? 'COI-indsigter' : `COI-indsigter: ${collapse(lines[subtitle] ?? '')}`;
      landmarks.push({ line: index, kind: 'INSIGHTS', label });
    }
  });
  return landmarks;
}

/** The 0-based [start, end) ranges of the sections of one kind. */
export function sectionRanges(landmarks: Landmark[], kind: Landmark['kind'], lineCount: number) {
  return landmarks.flatMap((landmark, index) =>
    landmark.kind === kind
      ? [{ start: landmark.line, end: landmarks[index + 1]?.line ?? lineCount, label: landmark.label }]
      : [],
  );
}

export function landmarkBefore(landmarks: Landmark[], line: number): Landmark | undefined {
  let found: Landmark | undefined;
  for (const landmark of landmarks) if (landmark.line < line) found = landmark;
  return found;
}

export function landmarkAfter(landmarks: Landmark[], line: number): Landmark | undefined {
  return landmarks.find((landmark) => landmark.line > line);
}
