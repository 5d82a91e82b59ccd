// Zod schemas for framework awards: a supplier declaring the lot it won, and an admin
// verifying or rejecting the declaration. Shared by the browser and the server.
import { z } from "zod";
import { dateInputField, nestDottedKeys } from "./supplier-account.schema";

const id = z.string().min(1).max(50);

const declareShape = {
  lotId: z
    .string({ required_error: "Select the framework lot you are awarded on" })
    .min(1, "Select the framework lot you are awarded on")
    .max(50, "Select the framework lot you are awarded on"),
  awarded: dateInputField("Award date"),
  reference: z
    .string({ required_error: "Enter the award reference" })
    .trim()
    .min(1, "Enter the award reference")
    .max(60, "Award reference must be 60 characters or fewer")
    .regex(
      /^(?:[A-Za-z0-9][A-Za-z0-9./_ -]*)?$/,
      "Award reference must only include letters, numbers, full stops, hyphens, slashes and spaces",
    ),
};

export const declareAwardSchema = z.preprocess(nestDottedKeys, z.object(declareShape));

export const declareAwardServerSchema = z.preprocess(nestDottedKeys, z.object({ ...declareShape, supplierId: id }));

export const withdrawAwardSchema = z.object({ supplierId: id, awardId: id });

export const verifyAwardSchema = z.object({ awardId: id });

export const rejectAwardSchema = z.object({
  reason: z
    .string({ required_error: "Enter the reason for rejecting the award" })
    .trim()
    .min(1, "Enter the reason for rejecting the award")
    .max(1000, "Reason must be 1000 characters or fewer"),
});

export const rejectAwardServerSchema = rejectAwardSchema.extend({ awardId: id });

export type DeclareAwardInput = z.infer<typeof declareAwardServerSchema>;
