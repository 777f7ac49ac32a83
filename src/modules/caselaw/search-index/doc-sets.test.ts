import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bitsOf,
  complement,
  type DocSet,
  intersect,
  listOf,
  type SetScratch,
  seek,
  subtract,
  unite,
} from './doc-sets.ts';

/** A set of decisions below `size`, as an ascending list, plus whether to hand it over as a bitset. */
const arbitrarySet = (size: number) =>
  fc.record({
    docs: fc
      .uniqueArray(fc.integer({ min: 0, max: size - 1 }), { maxLength: size })
      .map((d) => d.sort((a, b) => a - b)),
    asBits: fc.boolean(),
  });

const asSet = (docs: number[], asBits: boolean, size: number): DocSet =>
  asBits ? { bits: bitsOf(Int32Array.from(docs), size) } : { list: Int32Array.from(docs) };

describe('decision sets', () => {
  it('intersect, subtract, unite and complement agree with plain sets in every representation', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 130 })
          .chain((size) => fc.tuple(fc.constant(size), arbitrarySet(size), arbitrarySet(size))),
        ([size, a, b]) => {
          const scratch: SetScratch = { size, lists: [], bitsets: [] };
          const x = asSet(a.docs, a.asBits, size);
          const y = asSet(b.docs, b.asBits, size);
          const inB = new Set(b.docs);
          const read = (s: DocSet, depth: number) => Array.from(listOf(scratch, s, depth));
          expect(read(intersect(scratch, x, y, 0), 5)).toEqual(a.docs.filter((d) => inB.has(d)));
          expect(read(subtract(scratch, x, y, 1), 6)).toEqual(a.docs.filter((d) => !inB.has(d)));
          expect(read(unite(scratch, x, y, 2), 7)).toEqual(
            [...new Set([...a.docs, ...b.docs])].sort((p, q) => p - q),
          );
          const inA = new Set(a.docs);
          expect(read(complement(scratch, x, 3), 8)).toEqual(
            Array.from({ length: size }, (_, i) => i).filter((d) => !inA.has(d)),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('seek finds the first position at or after a start whose value is not below the target', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.integer({ min: 0, max: 1000 }), { maxLength: 80 })
          .map((d) => d.sort((a, b) => a - b)),
        fc.nat(90),
        fc.integer({ min: -5, max: 1005 }),
        (docs, from, target) => {
          const list = Int32Array.from(docs);
          const start = Math.min(from, docs.length);
          let expected = start;
          while (expected < docs.length && docs[expected]! < target) expected++;
          expect(seek(list, start, target)).toBe(expected);
        },
      ),
    );
  });
});
