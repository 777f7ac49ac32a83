/**
 * Sets of decisions (document numbers) for matching the words of a search (decision 0026). A word in many
 * decisions is kept as a bitset as well (one bit per decision), so AND, OR and NOT of frequent words are word-wide
 * operations over n/32 numbers; a rarer word is an ascending list, so only the decisions containing it are
 * visited, and a list meets a longer list by galloping search instead of a walk through both. Results are written
 * into the index's working buffers by depth (`Scratch`), never into a word's own posting.
 */
export type DocSet = { bits: Uint32Array; list?: undefined } | { list: Int32Array; bits?: undefined };

/** Working buffers, allocated once per index: a search runs synchronously from start to end. */
export interface SetScratch {
  size: number;
  lists: Int32Array[];
  bitsets: Uint32Array[];
}

export const EMPTY_SET: DocSet = { list: new Int32Array(0) };

export const wordsFor = (size: number) => (size + 31) >>> 5;

export function hasBit(bits: Uint32Array, doc: number): boolean {
  return (bits[doc >>> 5]! & (1 << (doc & 31))) !== 0;
}

/** The bitset of an ascending list of decisions. */
export function bitsOf(docs: Int32Array, size: number): Uint32Array {
  const bits = new Uint32Array(wordsFor(size));
  for (let i = 0; i < docs.length; i++) bits[docs[i]! >>> 5]! |= 1 << (docs[i]! & 31);
  return bits;
}

/** The working list number `depth` (room for every decision). */
export function workingList(scratch: SetScratch, depth: number): Int32Array {
  while (scratch.lists.length <= depth) scratch.lists.push(new Int32Array(scratch.size));
  return scratch.lists[depth]!;
}

function bitset(scratch: SetScratch, depth: number): Uint32Array {
  while (scratch.bitsets.length <= depth) scratch.bitsets.push(new Uint32Array(wordsFor(scratch.size)));
  return scratch.bitsets[depth]!;
}

/** The first index at or after `from` whose value is ≥ `target` (galloping, then binary search). */
export function seek(docs: Int32Array, from: number, target: number): number {
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi < docs.length && docs[hi]! < target) {
    lo = hi + 1;
    hi = lo + step;
    step <<= 1;
  }
  if (hi > docs.length) hi = docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The decisions in both sets. */
export function intersect(scratch: SetScratch, a: DocSet, b: DocSet, depth: number): DocSet {
  if (a.bits && b.bits) {
    const out = bitset(scratch, depth);
    for (let w = 0; w < out.length; w++) out[w] = a.bits[w]! & b.bits[w]!;
    return { bits: out };
  }
  const out = workingList(scratch, depth);
  let size = 0;
  if (a.list && b.list) {
    const [small, large] = a.list.length <= b.list.length ? [a.list, b.list] : [b.list, a.list];
    let j = 0;
    for (let i = 0; i < small.length && j < large.length; i++) {
      const doc = small[i]!;
      j = seek(large, j, doc);
      if (large[j] === doc) out[size++] = doc;
    }
  } else {
    const docs = (a.list ?? b.list)!;
    const bits = (a.bits ?? b.bits)!;
    for (let i = 0; i < docs.length; i++) if (hasBit(bits, docs[i]!)) out[size++] = docs[i]!;
  }
  return { list: out.subarray(0, size) };
}

/** The decisions in `a` but not in `b` ("a -b"). */
export function subtract(scratch: SetScratch, a: DocSet, b: DocSet, depth: number): DocSet {
  if (a.bits) {
    const out = bitset(scratch, depth);
    if (b.bits) for (let w = 0; w < out.length; w++) out[w] = a.bits[w]! & ~b.bits[w]!;
    else {
      out.set(a.bits);
      for (let i = 0; i < b.list.length; i++) out[b.list[i]! >>> 5]! &= ~(1 << (b.list[i]! & 31));
    }
    return { bits: out };
  }
  const out = workingList(scratch, depth);
  let size = 0;
  if (b.bits) {
    for (let i = 0; i < a.list.length; i++) if (!hasBit(b.bits, a.list[i]!)) out[size++] = a.list[i]!;
  } else {
    let j = 0;
    for (let i = 0; i < a.list.length; i++) {
      const doc = a.list[i]!;
      j = seek(b.list, j, doc);
      if (b.list[j] !== doc) out[size++] = doc;
    }
  }
  return { list: out.subarray(0, size) };
}

/** The decisions in either set. */
export function unite(scratch: SetScratch, a: DocSet, b: DocSet, depth: number): DocSet {
  if (a.bits || b.bits) {
    const out = bitset(scratch, depth);
    if (a.bits && b.bits) for (let w = 0; w < out.length; w++) out[w] = a.bits[w]! | b.bits[w]!;
    else {
      const docs = (a.list ?? b.list)!;
      out.set((a.bits ?? b.bits)!);
      for (let i = 0; i < docs.length; i++) out[docs[i]! >>> 5]! |= 1 << (docs[i]! & 31);
    }
    return { bits: out };
  }
  const out = workingList(scratch, depth);
  let size = 0;
  let i = 0;
  let j = 0;
  const x = a.list!;
  const y = b.list!;
  while (i < x.length || j < y.length) {
    const p = i < x.length ? x[i]! : 0x7fffffff;
    const q = j < y.length ? y[j]! : 0x7fffffff;
    out[size++] = Math.min(p, q);
    if (p <= q) i++;
    if (q <= p) j++;
  }
  return { list: out.subarray(0, size) };
}

/** Every decision not in `a` (a query of only "-word"). */
export function complement(scratch: SetScratch, a: DocSet, depth: number): DocSet {
  const out = bitset(scratch, depth);
  if (a.bits) for (let w = 0; w < out.length; w++) out[w] = ~a.bits[w]!;
  else {
    out.fill(0xffffffff);
    for (let i = 0; i < a.list.length; i++) out[a.list[i]! >>> 5]! &= ~(1 << (a.list[i]! & 31));
  }
  // no bits beyond the last decision
  const tail = scratch.size & 31;
  if (tail !== 0) out[out.length - 1]! &= (1 << tail) - 1;
  return { bits: out };
}

/** The set as an ascending list (a bitset's decisions are written into the working list at `depth`). */
export function listOf(scratch: SetScratch, set: DocSet, depth: number): Int32Array {
  if (set.list) return set.list;
  const out = workingList(scratch, depth);
  let size = 0;
  const bits = set.bits;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    while (word !== 0) {
      const lowest = word & -word;
      out[size++] = (w << 5) | (31 - Math.clz32(lowest));
      word ^= lowest;
    }
  }
  return out.subarray(0, size);
}
