// What the portal has mailed, read from the mail queue (MailMessage): every message queued in
// this test's database, oldest first, whether or not the sender has delivered it yet. Tests of
// delivery itself run a real SMTP server (tests/data/mail-delivery.test.ts).
export interface QueuedMail {
  to: string;
  template: string;
  subject: string;
  text: string;
  html: string;
  status: string;
}

export async function sentMail(): Promise<QueuedMail[]> {
  const { prisma } = await import("~/utils/db.server");
  const rows = await prisma.mailMessage.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { recipient: true, template: true, subject: true, text: true, html: true, status: true },
  });
  return rows.map(({ recipient, ...rest }) => ({ to: recipient, ...rest }));
}
