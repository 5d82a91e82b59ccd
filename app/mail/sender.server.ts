// Delivers queued mail (app/models/mail.server.ts). Woken after every commit (without making
// the request wait for the mail server) and drained every minute by the scheduler, so a message
// whose first attempt failed, or whose process died, still goes. Through nodemailer to SMTP_URL
// (STARTTLS whenever the server offers it); without SMTP_URL, outside production only, a
// message is "sent" to the outbox: it stays in the table for admins at /admin/outbox. Neither
// path logs a message's text or links.
import crypto from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { claimDueMail, markMailFailed, markMailSent, renewMailLease, type ClaimedMail } from "~/models/mail.server";
import { onCommitted } from "~/utils/after-commit.server";
import { now } from "~/utils/clock.server";
import { isProduction, mailSettings } from "~/utils/env.server";
import { log } from "~/utils/log.server";

const processHolder = `mail:${process.pid}:${crypto.randomUUID()}`;
/** A mail server that accepts the connection and then stalls must not hold the lease forever. */
const SMTP_TIMEOUT_MS = 30_000;

let transporter: { url: string; transport: Transporter } | null = null;

function smtpTransport(url: string): Transporter {
  if (transporter?.url !== url) {
    transporter?.transport.close();
    transporter = {
      url,
      transport: nodemailer.createTransport({
        url,
        // smtp:// upgrades with STARTTLS when offered (nodemailer's default); smtps:// is TLS from the start.
        connectionTimeout: SMTP_TIMEOUT_MS,
        greetingTimeout: SMTP_TIMEOUT_MS,
        socketTimeout: SMTP_TIMEOUT_MS,
      } satisfies SMTPTransport.Options),
    };
  }
  return transporter.transport;
}

async function deliver(message: ClaimedMail): Promise<"smtp" | "outbox"> {
  const { smtpUrl, from } = mailSettings();
  if (!smtpUrl) {
    // env.server refuses to start production without SMTP_URL (unless MAIL_DELIVERY=outbox, a
    // local install); this is a second guard.
    if (isProduction() && process.env.MAIL_DELIVERY !== "outbox") throw new Error("SMTP_URL is not set");
    return "outbox";
  }
  await smtpTransport(smtpUrl).sendMail({ from, to: message.recipient, subject: message.subject, text: message.text, html: message.html });
  return "smtp";
}

/** An SMTP error without anything from the message (its text has links with tokens). */
function describeError(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { code?: unknown; responseCode?: unknown; message?: unknown };
    const parts = [e.code, e.responseCode].filter((p) => typeof p === "string" || typeof p === "number");
    const message = typeof e.message === "string" ? e.message.split("\n")[0] : "";
    return [parts.join(" "), message].filter(Boolean).join(": ").slice(0, 300);
  }
  return String(error).slice(0, 300);
}

export interface DrainResult {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends every due message this holder can claim, batch by batch, until none is left. Each drain
 * is its own holder (the scheduler's and the one a commit wakes can run at once in a process),
 * so a lease renewed by one is never taken for the other's.
 */
export async function drainMailQueue({
  holder = `${processHolder}:${crypto.randomUUID()}`,
  batch = 20,
}: { holder?: string; batch?: number } = {}): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const claimed = await claimDueMail(holder, now(), batch);
    if (claimed.length === 0) return result;
    for (const message of claimed) {
      // Another sender took it after this batch's lease lapsed (a slow mail server): it sends it.
      if (!(await renewMailLease(message.id, holder))) continue;
      try {
        const transport = await deliver(message);
        if (await markMailSent(message.id, holder, transport)) result.sent += 1;
      } catch (error) {
        const outcome = await markMailFailed(message.id, holder, describeError(error));
        if (outcome === "failed") result.failed += 1;
        if (outcome === "retry") result.retrying += 1;
        // Only the domain: the address is personal data and the text carries tokens.
        log.warn(
          { mailId: message.id, toDomain: message.recipient.split("@")[1], attempt: message.attempts, outcome, err: describeError(error) },
          "mail not delivered",
        );
      }
    }
    // A message retried in this drain waits for its back-off, so the loop ends.
  }
}

let running: Promise<unknown> | null = null;
let again = false;

/** Starts a drain in the background (one at a time per process); never throws. */
export function wakeMailSender(): void {
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    do {
      again = false;
      try {
        await drainMailQueue();
      } catch (error) {
        log.error({ err: error }, "mail sender failed; the scheduler will retry");
      }
    } while (again);
  })().finally(() => {
    running = null;
  });
}

/** Resolves once the background sender (if running) has finished. For tests and shutdown. */
export async function mailSenderIdle(): Promise<void> {
  while (running) await running;
}

// After every commit: wake the sender but do not wait for it, so a slow mail server never
// slows, let alone fails, the request that queued the message.
onCommitted("mail", () => {
  wakeMailSender();
  return Promise.resolve();
});
