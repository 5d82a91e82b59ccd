import { z } from "zod";
import { newPasswordField } from "./auth.schema";

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ required_error: "Enter your current password" })
      .min(1, "Enter your current password")
      .max(200, "Password must be 200 characters or fewer"),
    newPassword: newPasswordField,
    confirmPassword: z.string({ required_error: "Confirm your new password" }).min(1, "Confirm your new password"),
  })
  .superRefine((v, ctx) => {
    if (v.newPassword !== v.confirmPassword)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["confirmPassword"], message: "Passwords must match" });
    if (v.currentPassword === v.newPassword)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["newPassword"], message: "Choose a password different from your current one" });
  });

export const revokeSessionsSchema = z.object({
  userId: z.string({ required_error: "Choose a user" }).min(1, "Choose a user").max(40),
});
