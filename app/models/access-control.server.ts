import type { PrismaClient } from "~/utils/db.server";
import { ROLE_NAMES, ROLE_PERMISSIONS, parsePermission } from "./access-control";

/** Creates or updates the roles and permissions; safe to run repeatedly. */
export async function upsertAccessControl(prisma: PrismaClient): Promise<void> {
  for (const name of ROLE_NAMES) {
    const { description, permissions } = ROLE_PERMISSIONS[name];
    const ids: string[] = [];
    for (const p of permissions) {
      const { action, entity, access } = parsePermission(p);
      const row = await prisma.permission.upsert({
        where: { action_entity_access: { action, entity, access } },
        create: { action, entity, access, description: p },
        update: {},
      });
      ids.push(row.id);
    }
    await prisma.role.upsert({
      where: { name },
      create: { name, description, permissions: { connect: ids.map((id) => ({ id })) } },
      update: { description, permissions: { set: ids.map((id) => ({ id })) } },
    });
  }
}
