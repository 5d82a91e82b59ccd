// A small seeded pseudo-random number generator (mulberry32) with the helpers the
// generators need. The same seed always gives the same sequence, so every seed run
// produces identical data on every machine.

export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** One element, uniformly. Throws on an empty list. */
  pick<T>(items: readonly T[]): T;
  /** One element, with probability proportional to its weight. */
  pickWeighted<T>(items: readonly (readonly [T, number])[]): T;
  /** `count` distinct elements (fewer if the list is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** true with probability p. */
  chance(p: number): boolean;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** A new generator derived from this one's seed and a label, independent of how far this one has run. */
  fork(label: string | number): Rng;
};

/** FNV-1a 32-bit hash, used to turn labels into seeds. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a fast 32-bit generator with a full 2^32 period, good enough for test data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRng(seed: number | string): Rng {
  const baseSeed = typeof seed === "string" ? hashString(seed) : seed >>> 0;
  const next = mulberry32(baseSeed);

  const rng: Rng = {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    float(min, max) {
      return min + next() * (max - min);
    },
    pick(items) {
      if (items.length === 0) throw new Error("pick() from an empty list");
      return items[Math.floor(next() * items.length)];
    },
    pickWeighted(items) {
      if (items.length === 0) throw new Error("pickWeighted() from an empty list");
      let total = 0;
      for (const [, w] of items) total += Math.max(0, w);
      if (total <= 0) return items[Math.floor(next() * items.length)][0];
      let r = next() * total;
      for (const [item, w] of items) {
        r -= Math.max(0, w);
        if (r < 0) return item;
      }
      return items[items.length - 1][0];
    },
    sample(items, count) {
      return rng.shuffle(items).slice(0, Math.max(0, count));
    },
    chance(p) {
      return next() < p;
    },
    shuffle(items) {
      const copy = items.slice();
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
    fork(label) {
      return createRng(hashString(`${baseSeed}:${label}`));
    },
  };
  return rng;
}
