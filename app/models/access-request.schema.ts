import { z } from "zod";
import { emailField } from "./auth.schema";

const text = (label: string, max: number) =>
  z
    .string({ required_error: `Enter your ${label}` })
    .trim()
    .min(1, `Enter your ${label}`)
    .max(max, `Your ${label} must be ${max} characters or fewer`)
    .refine((v) => !/[<>]/.test(v), `Your ${label} must not contain < or >`);

export const accessRequestSchema = z.object({
  name: text("full name", 100),
  email: emailField,
  organisation: text("organisation", 200),
  jobTitle: z.string().trim().max(100, "Your job title must be 100 characters or fewer").optional().default(""),
  reason: z
    .string({ required_error: "Say why you need a buyer account" })
    .trim()
    .min(10, "Say why you need a buyer account, in 10 characters or more")
    .max(1000, "Why you need an account must be 1000 characters or fewer"),
});

export const approveAccessRequestSchema = z.object({
  requestId: z.string().min(1).max(40),
  councilCode: z
    .string({ required_error: "Select the council the account is for" })
    .trim()
    .min(1, "Select the council the account is for")
    .max(10),
});

export const refuseAccessRequestSchema = z.object({
  requestId: z.string().min(1).max(40),
  reason: z
    .string({ required_error: "Give the reason for refusing" })
    .trim()
    .min(10, "Give the reason for refusing, in 10 characters or more")
    .max(1000, "The reason must be 1000 characters or fewer"),
});

export type AccessRequestInput = z.infer<typeof accessRequestSchema>;
