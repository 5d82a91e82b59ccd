import { z } from "zod";
import { requiredText } from "./text-field.schema";

const userId = z.string({ required_error: "Choose a user" }).min(1, "Choose a user").max(40);

export const deactivateUserSchema = z.object({
  userId,
  reason: requiredText("The reason", 500, "Enter why you are deactivating this account"),
});

export const reactivateUserSchema = z.object({ userId });

const roleList = z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(40)).max(10));

export const setRolesSchema = z.object({
  userId,
  roles: roleList.refine((r) => r.length > 0, "Choose at least one role"),
  expected: roleList,
});

/** A council lead's grant or revocation of the approver role (/account/team). */
export const setCouncilApproverSchema = z.object({
  userId: z.string({ required_error: "Choose an officer" }).min(1, "Choose an officer").max(40),
  approver: z.enum(["yes", "no"], { errorMap: () => ({ message: "Choose whether they are an approver" }) }),
});
