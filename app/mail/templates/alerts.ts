// Mail from saved searches and follows (issue 15): the new and changed matches of a saved
// search, and news about a council or service area a supplier follows. Each ends with a
// one-click unsubscribe link that works without signing in.
import { z } from "zod";
import { bulletList, composeMail, linkBlock, mailTemplate, paragraph, type MailBlock } from "./layout";

const url = z.string().url();
const match = z.object({ title: z.string(), url });

function matchList(items: { title: string; url: string }[]): MailBlock[] {
  return items.flatMap((m) => [linkBlock(m.url, m.title)]);
}

export const searchAlert = mailTemplate(
  z.object({
    recipientName: z.string(),
    alertName: z.string(),
    searchDescription: z.string(),
    frequency: z.enum(["daily", "weekly", "none"]),
    added: z.array(match),
    changed: z.array(match),
    searchUrl: url,
    manageUrl: url,
    unsubscribeUrl: url,
  }),
  (d) => {
    const total = d.added.length + d.changed.length;
    const since = d.frequency === "weekly" ? "last week" : "yesterday";
    return composeMail(`${total} new or changed ${total === 1 ? "match" : "matches"} for “${d.alertName}”`, [
      paragraph(`Dear ${d.recipientName},`),
      paragraph(`Your saved search “${d.alertName}” (${d.searchDescription}) has changed since ${since}.`),
      ...(d.added.length ? [paragraph(`New (${d.added.length}):`), ...matchList(d.added)] : []),
      ...(d.changed.length ? [paragraph(`Changed (${d.changed.length}):`), ...matchList(d.changed)] : []),
      linkBlock(d.searchUrl, "See every result"),
      linkBlock(d.manageUrl, "Rename, change or delete your saved searches"),
      linkBlock(d.unsubscribeUrl, "Stop these emails"),
    ]);
  },
);

export const followNews = mailTemplate(
  z.object({ recipientName: z.string(), message: z.string(), url, manageUrl: url, unsubscribeUrl: url }),
  (d) =>
    composeMail(d.message, [
      paragraph(`Dear ${d.recipientName},`),
      paragraph(d.message),
      linkBlock(d.url, "Read it on Council Marketplace"),
      bulletList(["You get this email because you follow this on Council Marketplace."]),
      linkBlock(d.manageUrl, "Change what you follow"),
      linkBlock(d.unsubscribeUrl, "Stop these emails"),
    ]),
);
