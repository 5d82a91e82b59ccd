// Mail about a person's own account: confirming an address, resetting a password, being told
// an account already exists, deactivation and reactivation.
import { z } from "zod";
import { composeMail, inset, linkBlock, mailTemplate, paragraph } from "./layout";

const url = z.string().url();

export const emailVerification = mailTemplate(
  z.object({ link: url, audience: z.enum(["buyer", "supplier"]).default("buyer") }),
  ({ link, audience }) =>
    composeMail("Confirm your email address for Council Marketplace", [
      paragraph(
        audience === "supplier"
          ? "Your organisation is registered on Council Marketplace. Confirm your email address:"
          : "Confirm your email address to start buying projects and writing case studies:",
      ),
      linkBlock(link),
      paragraph("The link works once and expires in 24 hours."),
      paragraph("If you did not create an account, you can ignore this email."),
    ]),
);

export const accountExists = mailTemplate(z.object({ context: z.string().min(1), loginLink: url, resetLink: url }), (data) =>
  composeMail("You already have a Council Marketplace account", [
    paragraph(`Someone tried to ${data.context} on Council Marketplace with this email address, which already has an account.`),
    linkBlock(data.loginLink, "If it was you, sign in"),
    linkBlock(data.resetLink, "Forgotten your password? Reset it"),
    paragraph("If it was not you, you can ignore this email: nothing has changed."),
  ]),
);

export const passwordReset = mailTemplate(z.object({ link: url, forced: z.boolean() }), ({ link, forced }) =>
  composeMail(forced ? "Set a new password for Council Marketplace" : "Reset your Council Marketplace password", [
    paragraph(
      forced
        ? "A Council Marketplace administrator has asked you to set a new password. Your old password no longer works and you have been signed out."
        : "Someone asked to reset the password for this Council Marketplace account. If it was you, choose a new password:",
    ),
    linkBlock(link),
    paragraph("The link works once and expires in 1 hour."),
    ...(forced ? [] : [paragraph("If it was not you, you can ignore this email: your password has not changed.")]),
  ]),
);

export const accountDeactivated = mailTemplate(z.object({ name: z.string(), reason: z.string() }), ({ name, reason }) =>
  composeMail("Your Council Marketplace account has been deactivated", [
    paragraph(`Dear ${name},`),
    paragraph("A Council Marketplace administrator has deactivated your account. You have been signed out and cannot sign in."),
    paragraph("The reason they gave:"),
    inset(reason),
    paragraph("If you think this is a mistake, reply to this email."),
  ]),
);

export const accountReactivated = mailTemplate(z.object({ name: z.string(), loginLink: url }), ({ name, loginLink }) =>
  composeMail("Your Council Marketplace account has been reactivated", [
    paragraph(`Dear ${name},`),
    paragraph("A Council Marketplace administrator has reactivated your account. You can sign in again."),
    linkBlock(loginLink, "Sign in"),
  ]),
);
