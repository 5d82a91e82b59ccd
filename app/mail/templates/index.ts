// Every mail template by name. enqueueMail(db, { template, data }) renders through this table;
// add a template in its own file and register it here with one line.
import type { RenderedMail } from "./layout";
import { accountDeactivated, accountExists, accountReactivated, emailVerification, passwordReset } from "./accounts";
import { companyAlreadyRegistered, supplierInvitation } from "./suppliers";
import { accessRequestApproved, accessRequestConfirm, accessRequestReceived, accessRequestRefused } from "./access-requests";
import { followNews, searchAlert } from "./alerts";
import { expiryWarning } from "./expiry";
import { jointInvitation } from "./joint-buying";

export const MAIL_TEMPLATES = {
  "email-verification": emailVerification,
  "account-exists": accountExists,
  "password-reset": passwordReset,
  "account-deactivated": accountDeactivated,
  "account-reactivated": accountReactivated,
  "company-already-registered": companyAlreadyRegistered,
  "supplier-invitation": supplierInvitation,
  "access-request-confirm": accessRequestConfirm,
  "access-request-received": accessRequestReceived,
  "access-request-approved": accessRequestApproved,
  "access-request-refused": accessRequestRefused,
  "search-alert": searchAlert,
  "follow-news": followNews,
  "expiry-warning": expiryWarning,
  "joint-invitation": jointInvitation,
} satisfies Record<string, (data: unknown) => RenderedMail>;

export type MailTemplateName = keyof typeof MAIL_TEMPLATES;

export function isMailTemplateName(name: string): name is MailTemplateName {
  return Object.hasOwn(MAIL_TEMPLATES, name);
}

export function renderMail(template: MailTemplateName, data: unknown): RenderedMail {
  return MAIL_TEMPLATES[template](data);
}

export type { RenderedMail } from "./layout";
