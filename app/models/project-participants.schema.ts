// Joint buying forms (issue 16, item 4): inviting another council with its share of the
// estimated value, changing a share, withdrawing a participant, and the invited council's answer.
// Shared by the pages (labels) and the actions (zod). Messages follow the GOV.UK style.
import { z } from "zod";
import { poundsField } from "./money.schema";

export const PARTICIPANT_STATUSES = ["invited", "accepted", "declined", "withdrawn"] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export const PARTICIPANT_STATUS_LABELS: Record<ParticipantStatus, { label: string; tag: string }> = {
  invited: { label: "Invited", tag: "govuk-tag--blue" },
  accepted: { label: "Taking part", tag: "govuk-tag--green" },
  declined: { label: "Declined", tag: "govuk-tag--grey" },
  withdrawn: { label: "Withdrawn", tag: "govuk-tag--grey" },
};

/** The rules the model enforces, named in its refusals and shown on the page. */
export const JOINT_BUYING_RULES = {
  wholeValue:
    "One route is worked out for the combined value: the project's estimated value is the whole, and the thresholds apply to it. The participating councils' shares add up to no more than the whole; the lead council's share is the remainder.",
  frozen:
    "The route was chosen on the whole value and the search has been frozen on it, so the councils taking part and their shares can no longer change.",
  decided: "This project has an outcome recorded, so the councils taking part can no longer change.",
} as const;

/** Pence to a safe whole number: estimated values are BigInt columns, but never past this. */
const MAX_SHARE_PENCE = 99_999_999_999;

const lockVersion = z.coerce.number({ invalid_type_error: "Reload the page and try again" }).int().min(1);
const id = (message: string) => z.string({ required_error: message, invalid_type_error: message }).trim().min(1, message).max(60, message);
const share = poundsField({ label: "Share of the estimated value", example: "50000", maxPence: MAX_SHARE_PENCE });

export const inviteParticipantSchema = z.object({
  councilId: id("Select the council you are inviting"),
  share,
  email: z
    .string()
    .trim()
    .max(254, "The email address must be 254 characters or fewer")
    .optional()
    .transform((v) => (v ? v.toLowerCase() : ""))
    .refine((v) => v === "" || z.string().email().safeParse(v).success, {
      message: "Enter an email address in the correct format, like name@leeds.gov.uk",
    }),
});
export type InviteParticipantInput = z.infer<typeof inviteParticipantSchema>;

export const changeShareSchema = z.object({ participantId: id("Select the council"), share, lockVersion });
export type ChangeShareInput = z.infer<typeof changeShareSchema>;

export const withdrawParticipantSchema = z.object({ participantId: id("Select the council"), lockVersion });
export type WithdrawParticipantInput = z.infer<typeof withdrawParticipantSchema>;

export const invitationResponseSchema = z.object({
  decision: z.enum(["accept", "decline"], { errorMap: () => ({ message: "Select whether your council takes part" }) }),
});
export type InvitationResponseInput = z.infer<typeof invitationResponseSchema>;
