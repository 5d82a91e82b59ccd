// Fills every `@default(now())` and `@updatedAt` field from the app's one clock (`now()`),
// including in nested writes, so no timestamp comes from the database's or the query
// engine's own clock and pinning PORTAL_TODAY moves the whole app consistently.
import { MODEL_CLOCK_META } from "../../prisma/generated/clock-meta";

type Data = Record<string, unknown>;
const isObject = (v: unknown): v is Data => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
const each = (v: unknown, fn: (d: Data) => void) => (Array.isArray(v) ? v.forEach((d) => isObject(d) && fn(d)) : isObject(v) && fn(v));

export function stampCreate(model: string, data: unknown, at: Date): void {
  each(data, (d) => {
    const meta = MODEL_CLOCK_META[model];
    if (!meta) return;
    for (const f of [...meta.created, ...meta.updated]) if (d[f] === undefined) d[f] = at;
    stampNested(model, d, at);
  });
}

export function stampUpdate(model: string, data: unknown, at: Date): void {
  each(data, (d) => {
    const meta = MODEL_CLOCK_META[model];
    if (!meta) return;
    for (const f of meta.updated) if (d[f] === undefined) d[f] = at;
    stampNested(model, d, at);
  });
}

// A to-one nested update is either the data itself or { where?, data }.
const updateData = (v: Data) => (isObject(v.data) && Object.keys(v).every((k) => k === "data" || k === "where") ? v.data : v);

function stampNested(model: string, data: Data, at: Date): void {
  const relations = MODEL_CLOCK_META[model]?.relations ?? {};
  for (const [field, target] of Object.entries(relations)) {
    const ops = data[field];
    if (!isObject(ops)) continue;
    if (ops.create !== undefined) stampCreate(target, ops.create, at);
    if (isObject(ops.createMany)) stampCreate(target, ops.createMany.data, at);
    each(ops.connectOrCreate, (c) => stampCreate(target, c.create, at));
    each(ops.upsert, (u) => {
      stampCreate(target, u.create, at);
      stampUpdate(target, u.update, at);
    });
    each(ops.update, (u) => stampUpdate(target, updateData(u), at));
    each(ops.updateMany, (u) => stampUpdate(target, u.data, at));
  }
}

/** Stamps a top-level Prisma operation's arguments in place. */
export function stampOperation(model: string, operation: string, args: Data, at: Date): void {
  switch (operation) {
    case "create":
    case "createMany":
    case "createManyAndReturn":
      stampCreate(model, args.data, at);
      break;
    case "update":
    case "updateMany":
    case "updateManyAndReturn":
      stampUpdate(model, args.data, at);
      break;
    case "upsert":
      stampCreate(model, args.create, at);
      stampUpdate(model, args.update, at);
      break;
  }
}
