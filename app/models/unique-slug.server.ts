/**
 * A slug no row has yet: `base`, or the first free of `base-2`, `base-3`… `slugsStartingWith`
 * reads, in the caller's transaction, every stored slug that starts with `base` (one query).
 * `reserved` are paths the base itself must never take.
 */
export async function uniqueSlug(
  base: string,
  slugsStartingWith: (prefix: string) => Promise<{ slug: string }[]>,
  reserved: ReadonlySet<string> = new Set(),
): Promise<string> {
  const taken = new Set((await slugsStartingWith(base)).map((r) => r.slug));
  if (!taken.has(base) && !reserved.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
