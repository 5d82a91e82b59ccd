// Zod schemas for framework awards: a supplier declaring the lot it won, and an admin
// verifying or rejecting the declaration. Shared by the browser and the server.
import { z } from "zod";
import { collectDateInputs, dateInputField } from "~/utils/date-input";
import { withDefaultIntent } from "./supplier-account.schema";
import { requiredText } from "./text-field.schema";

const id = z.string().min(1).max(50);

const declareShape = {
  lotId: z
    .string({ required_error: "Select the framework lot you are awarded on" })
    .min(1, "Select the framework lot you are awarded on")
    .max(50, "Select the framework lot you are awarded on"),
  awarded: dateInputField("Award date"),
  reference: requiredText("Award reference", 60, "Enter the award reference").regex(
    /^(?:[A-Za-z0-9][A-Za-z0-9./_ -]*)?$/,
    "Award reference must only include letters, numbers, full stops, hyphens, slashes and spaces",
  ),
};

// The organisation is the signed-in user's (app/auth/supplier-policy.server.ts), never a form field.
export const declareAwardSchema = z.preprocess(collectDateInputs("awarded"), z.object(declareShape));

/** Both forms on the awards page: declare (the default intent) and withdraw. */
export const awardActionSchema = z.preprocess(
  (input) => collectDateInputs("awarded")(withDefaultIntent(input, "declare")),
  z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("declare"), ...declareShape }),
    z.object({ intent: z.literal("withdraw"), awardId: z.string({ required_error: "Choose an award to withdraw" }).min(1).max(50) }),
  ]),
);

export const rejectAwardSchema = z.object({
  reason: requiredText("Reason", 1000, "Enter the reason for rejecting the award"),
});

/** The admin's two forms: verify (the default intent) and reject with a reason. */
export const awardDecisionSchema = z.preprocess(
  (input) => withDefaultIntent(input, "verify"),
  z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("verify"), awardId: z.string({ required_error: "Choose an award to verify" }).min(1).max(50) }),
    rejectAwardSchema.extend({ intent: z.literal("reject"), awardId: id }),
  ]),
);

export type DeclareAwardInput = z.infer<typeof declareAwardSchema>;
