// Mail about supplier organisations: a company already registered, a colleague's invitation.
import { z } from "zod";
import { composeMail, linkBlock, mailTemplate, paragraph } from "./layout";

export const companyAlreadyRegistered = mailTemplate(
  z.object({ companyNumber: z.string(), contactLink: z.string().url() }),
  ({ companyNumber, contactLink }) =>
    composeMail("Your organisation may already be registered on Council Marketplace", [
      paragraph(
        `Someone tried to register an organisation with Companies House number ${companyNumber} on Council Marketplace using this email address. ` +
          "An organisation with that number is already registered, so no new one was created.",
      ),
      paragraph("If you work there, ask a colleague who uses Council Marketplace to invite you from their team page."),
      linkBlock(contactLink, "If you think someone has registered your company without permission, contact the portal administrators"),
      paragraph("If it was not you, you can ignore this email."),
    ]),
);

export const supplierInvitation = mailTemplate(
  z.object({ inviterName: z.string(), supplierName: z.string(), link: z.string().url() }),
  ({ inviterName, supplierName, link }) =>
    composeMail(`${inviterName} has invited you to join ${supplierName} on Council Marketplace`, [
      paragraph(`${inviterName} has invited you to manage ${supplierName}'s profile, awards and listings on Council Marketplace.`),
      linkBlock(link, "Set your name and password to accept"),
      paragraph("The link works once and expires in 7 days. If you were not expecting this, you can ignore it."),
    ]),
);
