// Which fields the app's clock must fill (`@default(now())`, `@updatedAt`) and which fields are
// relations, per model: read by the timestamp extension in app/utils/db.server.ts so nested
// writes are stamped too. Generated, so a new timestamp column can never be missed.
export function modelClockMeta(schema: string) {
  const models = new Map<string, string>();
  for (const m of schema.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) models.set(m[1], m[2]);
  const meta: Record<string, { created: string[]; updated: string[]; relations: Record<string, string> }> = {};
  for (const [name, body] of models) {
    const entry = { created: [] as string[], updated: [] as string[], relations: {} as Record<string, string> };
    for (const line of body.split("\n")) {
      const field = /^\s+(\w+)\s+(\w+)(\[\]|\?)?/.exec(line);
      if (!field || line.trim().startsWith("//") || line.trim().startsWith("@@")) continue;
      const [, fieldName, type] = field;
      if (/@default\(now\(\)\)/.test(line)) entry.created.push(fieldName);
      if (/@updatedAt/.test(line)) entry.updated.push(fieldName);
      if (models.has(type)) entry.relations[fieldName] = type;
    }
    meta[name] = entry;
  }
  return meta;
}
