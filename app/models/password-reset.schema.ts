import { z } from "zod";
import { emailField, newPasswordField } from "./auth.schema";

export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordSchema = z
  .object({
    token: z.string({ required_error: "The link is not complete" }).min(1, "The link is not complete").max(100, "The link is not complete"),
    password: newPasswordField,
    confirmPassword: z.string({ required_error: "Confirm your new password" }).min(1, "Confirm your new password"),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirmPassword)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["confirmPassword"], message: "Passwords must match" });
  });
