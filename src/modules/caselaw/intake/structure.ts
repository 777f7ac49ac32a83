/**
 * Turns the plain text of an uploaded judgment into the database's sections (tenor, facts, reasons) as HTML,
 * with margin numbers (Randnummern) kept in the RII form `<dl class="RspDL"><dt><a name="rd_N">N</a></dt>…`,
 * so uploaded and imported decisions look and link alike.
 */
import { collapseLetterSpacing } from './recognise.ts';

export interface MarginParagraph {
  /** null: text before the first margin number. */
  number: number | null;
  text: string;
}

/**
 * A margin number stands at the start of a line: "1", "1 Der Angeklagte …", "Rn. 1", "Rdnr. 1", "[1]". Only the
 * next number in sequence counts, so years ("2021 reiste …") and wrapped numbers are not mistaken for one; fewer
 * than two in sequence means the text has none.
 */
export function detectMarginNumbers(
  text: string,
  first = 1,
): { paragraphs: MarginParagraph[]; next: number } {
  const lines = text.split(/\r?\n/);
  const paragraphs: MarginParagraph[] = [];
  let current: MarginParagraph = { number: null, text: '' };
  let expected = first;
  const marker =
    /^\s*(?:(?:Rn|Rdnr|Rz|Randnummer)\.?\s*(\d{1,4})|\[(\d{1,4})\]|(\d{1,4})\.?)(?:\s+(.*\S))?\s*$/;
  for (const line of lines) {
    const m = marker.exec(line);
    const n = m ? Number(m[1] ?? m[2] ?? m[3]) : Number.NaN;
    // a bare "1." followed by text is an enumeration, unless it is the next margin number
    if (m && n === expected) {
      if (current.text.trim() || current.number !== null) paragraphs.push(current);
      current = { number: n, text: m[4] ?? '' };
      expected++;
      continue;
    }
    current.text += current.text ? `\n${line}` : line;
  }
  if (current.text.trim() || current.number !== null) paragraphs.push(current);
  // a section that continues the numbering needs only one; a fresh one needs two in sequence
  if (expected - first < (first > 1 ? 1 : 2))
    return { paragraphs: [{ number: null, text: text.trim() }], next: first };
  return { paragraphs, next: expected };
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Lines of a PDF paragraph joined back into sentences; a line ending a sentence ends a paragraph. */
function paragraphsOf(text: string): string[] {
  const out: string[] = [];
  let buf = '';
  for (const raw of text.split(/\n/)) {
    const line = raw.trim();
    if (!line) {
      if (buf) out.push(buf);
      buf = '';
      continue;
    }
    // a hyphen at the line end splits a word ("Aus-\nbeutung"), unless the next part is a capitalised compound
    buf =
      buf.endsWith('-') && /^[a-zäöüß]/.test(line) ? buf.slice(0, -1) + line : buf ? `${buf} ${line}` : line;
    if (/[.:;!?]$/.test(line)) {
      out.push(buf);
      buf = '';
    }
  }
  if (buf) out.push(buf);
  return out;
}

export function paragraphsToHtml(paragraphs: MarginParagraph[]): string {
  return paragraphs
    .map((p) => {
      const body = paragraphsOf(p.text)
        .map((t) => `<p>${escapeHtml(t)}</p>`)
        .join('');
      if (p.number === null) return body;
      return `<dl class="RspDL"><dt><a name="rd_${p.number}">${p.number}</a></dt><dd>${body}</dd></dl>`;
    })
    .join('\n');
}

export interface StructuredText {
  tenor: string;
  facts: string;
  reasons: string;
  /** How many margin numbers were found. */
  marginNumbers: number;
}

function findHeading(text: string, names: string[], from = 0): { at: number; end: number } | null {
  const re = new RegExp(`^[ \\t]*(?:${names.join('|')})[ \\t]*:?[ \\t]*$`, 'gim');
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { at: m.index, end: m.index + m[0].length } : null;
}

/**
 * Splits the text at its headings: the tenor after "für Recht erkannt:"/"beschlossen:"/"Tenor", the facts after
 * "Tatbestand", the reasons after "Entscheidungsgründe"/"Gründe". Without headings everything is the reasons.
 * Margin numbers run on from the facts into the reasons, as in the judgments themselves.
 */
export function structureText(raw: string): StructuredText {
  const text = collapseLetterSpacing(raw.replace(/\r\n/g, '\n'));
  const facts = findHeading(text, ['Tatbestand', 'Sachverhalt']);
  const reasons = findHeading(text, ['Entscheidungsgründe', 'Gründe'], facts?.end ?? 0);
  const tenorStart =
    findHeading(text, ['Tenor']) ??
    (() => {
      const m = /(für Recht erkannt|beschlossen|entschieden)\s*:/i.exec(text);
      return m ? { at: m.index, end: m.index + m[0].length } : null;
    })();
  const bodyStart = facts?.at ?? reasons?.at ?? text.length;
  const tenor = tenorStart && tenorStart.end <= bodyStart ? text.slice(tenorStart.end, bodyStart).trim() : '';
  let factsText = '';
  let reasonsText = '';
  if (facts) factsText = text.slice(facts.end, reasons?.at ?? text.length);
  if (reasons) reasonsText = text.slice(reasons.end);
  if (!facts && !reasons) reasonsText = tenorStart ? '' : text;
  const f = detectMarginNumbers(factsText, 1);
  const r = detectMarginNumbers(reasonsText, f.next);
  const count = f.next - 1 + (r.next - f.next);
  return {
    tenor: tenor ? paragraphsToHtml([{ number: null, text: tenor }]) : '',
    facts: factsText.trim() ? paragraphsToHtml(f.paragraphs) : '',
    reasons: reasonsText.trim() ? paragraphsToHtml(r.paragraphs) : '',
    marginNumbers: count,
  };
}
