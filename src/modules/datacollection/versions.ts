import fs from 'node:fs';
import { type Codebook, loadCodebook } from './codebook.ts';

/** The codebook versions on disk (`codebooks/YYYY.json`), oldest first. */
export function codebookVersions(): string[] {
  const dir = new URL('../../../codebooks/', import.meta.url);
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .map((f) => f.slice(0, 4))
    .sort();
}

/** The codebook of a reporting year: the latest version valid from that year (throws when there is none). */
export function codebookForYear(year: number): Codebook {
  const version = codebookVersions()
    .filter((v) => Number(v) <= year)
    .map((v) => loadCodebook(v))
    .filter((c) => c.valid_from <= year)
    .at(-1);
  if (!version) throw new Error(`No codebook is valid for ${year}`);
  return version;
}
