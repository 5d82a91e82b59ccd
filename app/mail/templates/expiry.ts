// Expiry warnings (issue 15): an agreement or lot a council or supplier relies on ends within
// 90 days or today, or an accreditation lapses within 30 days.
import { z } from "zod";
import { composeMail, inset, linkBlock, mailTemplate, paragraph } from "./layout";

export const expiryWarning = mailTemplate(
  z.object({
    recipientName: z.string(),
    kind: z.enum(["agreement", "accreditation"]),
    subject: z.string(),
    stage: z.enum(["soon", "ends"]),
    endDate: z.string(),
    daysLeft: z.number().int(),
    message: z.string(),
    successors: z.array(z.string()),
    url: z.string().url(),
    notificationsUrl: z.string().url(),
  }),
  (d) =>
    composeMail(
      d.stage === "soon" ? `${d.subject} ends on ${d.endDate}` : d.daysLeft === 0 ? `${d.subject} ends today` : `${d.subject} has ended`,
      [
        paragraph(`Dear ${d.recipientName},`),
        inset(d.message),
        ...(d.kind === "accreditation"
          ? []
          : d.stage === "soon"
            ? [paragraph("Any call-off or purchase that relies on it must be made by that date.")]
            : [paragraph("No new call-offs or purchases can be made through it.")]),
        ...(d.successors.length ? [paragraph(`Look at its successor: ${d.successors.join(" and ")}.`)] : []),
        linkBlock(d.url, "Find out more"),
        linkBlock(d.notificationsUrl, "See all your notifications"),
      ],
    ),
);
