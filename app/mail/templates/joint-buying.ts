// Joint buying (issue 16, item 4): a council is invited to take part in another council's
// buying project with a share of its estimated value; a buyer there accepts or declines.
import { z } from "zod";
import { composeMail, inset, linkBlock, paragraph, mailTemplate } from "./layout";

export const jointInvitation = mailTemplate(
  z.object({
    recipientName: z.string(),
    leadCouncil: z.string(),
    invitedCouncil: z.string(),
    projectTitle: z.string(),
    share: z.string(),
    whole: z.string(),
    url: z.string().url(),
  }),
  (d) =>
    composeMail(`${d.leadCouncil} invites ${d.invitedCouncil} to buy jointly: ${d.projectTitle}`, [
      paragraph(`Dear ${d.recipientName},`),
      paragraph(`${d.leadCouncil} has invited ${d.invitedCouncil} to take part in its buying project “${d.projectTitle}”.`),
      inset(`Your council's share: ${d.share}\nThe whole project: ${d.whole} (one route, worked out on the whole value)`),
      paragraph("Any confirmed buyer at your council can accept or decline. Once accepted, your council can read the project's record."),
      linkBlock(d.url, "Accept or decline the invitation"),
    ]),
);
