// Mail about asking for access from a public-sector address that is not a council's.
import { z } from "zod";
import { composeMail, inset, linkBlock, mailTemplate, paragraph } from "./layout";

export const accessRequestReceived = mailTemplate(z.object({ name: z.string() }), ({ name }) =>
  composeMail("We have your request for a Council Marketplace account", [
    paragraph(`Dear ${name},`),
    paragraph(
      "We have your request for a buyer account on Council Marketplace. An administrator will check it, usually within 2 working days.",
    ),
    paragraph("We will email you when they have decided."),
  ]),
);

export const accessRequestApproved = mailTemplate(
  z.object({ name: z.string(), councilName: z.string(), link: z.string().url() }),
  ({ name, councilName, link }) =>
    composeMail("Your Council Marketplace account is ready", [
      paragraph(`Dear ${name},`),
      paragraph(`An administrator has approved your request. Your buyer account is for ${councilName}.`),
      linkBlock(link, "Choose your password to start"),
      paragraph("The link works once and expires in 7 days."),
    ]),
);

export const accessRequestRefused = mailTemplate(z.object({ name: z.string(), reason: z.string() }), ({ name, reason }) =>
  composeMail("Your request for a Council Marketplace account", [
    paragraph(`Dear ${name},`),
    paragraph("An administrator has not approved your request for a buyer account. The reason they gave:"),
    inset(reason),
    paragraph("If your circumstances change, you can ask again."),
  ]),
);

export const accessRequestConfirm = mailTemplate(z.object({ name: z.string(), link: z.string().url() }), ({ name, link }) =>
  composeMail("Confirm your email address to send your request", [
    paragraph(`Dear ${name},`),
    paragraph(
      "You asked for a buyer account on Council Marketplace. Confirm this is your email address and we will send the request to an administrator.",
    ),
    linkBlock(link, "Confirm your email address"),
    paragraph("The link expires in 24 hours. If you did not ask for an account, you can ignore this email."),
  ]),
);
