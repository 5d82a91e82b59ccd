import { z } from "zod";
import { isCommonPassword } from "./common-passwords";
import { requiredText } from "./text-field.schema";

export const MIN_PASSWORD_LENGTH = 12;

export const emailField = requiredText("Email address", 254, "Enter your email address").email(
  "Enter an email address in the correct format, like name@example.gov.uk",
);

export const newPasswordField = z
  .string({ required_error: "Enter a password" })
  .min(MIN_PASSWORD_LENGTH, `Password must be ${MIN_PASSWORD_LENGTH} characters or more`)
  .max(200, "Password must be 200 characters or fewer")
  // Bounded time: an over-long password gets the length message alone. The server also runs
  // the zxcvbn strength estimator (app/auth/password-strength.server.ts).
  .refine(
    (p) => p.length > 200 || !isCommonPassword(p),
    "Choose a password that is harder to guess: this one is on a list of common passwords",
  );

export const loginSchema = z.object({
  email: emailField,
  password: z
    .string({ required_error: "Enter your password" })
    .min(1, "Enter your password")
    .max(200, "Password must be 200 characters or fewer"),
  redirectTo: z.string().max(2000).optional(),
});

export const buyerSignupSchema = z
  .object({
    name: requiredText("Full name", 100, "Enter your full name").refine((v) => !/[<>]/.test(v), "Full name must not contain < or >"),
    email: emailField,
    // Only asked for when the address's domain serves more than one council (shared services).
    councilCode: z.string().trim().max(10).optional(),
    password: newPasswordField,
    confirmPassword: z.string({ required_error: "Confirm your password" }).min(1, "Confirm your password"),
  })
  .superRefine((value, ctx) => {
    if (value.password !== value.confirmPassword) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["confirmPassword"], message: "Passwords must match" });
    }
  });

export type LoginInput = z.infer<typeof loginSchema>;
export type BuyerSignupInput = z.infer<typeof buyerSignupSchema>;
