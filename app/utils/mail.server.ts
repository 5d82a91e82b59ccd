// Mail transport interface. Development and tests print messages to the server log
// (and keep them in memory for tests); production plugs in a real transport. Until it has
// one, production logs only that a message was queued: never its text, whose links carry
// bearer tokens (verification, invitation, password reset).
import { isProduction } from "./env.server";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

export const sentMail: MailMessage[] = [];

export const logTransport: MailTransport = {
  async send(message) {
    if (isProduction()) {
      const domain = message.to.split("@")[1] ?? "";
      console.log(
        `[mail] queued a message to an address at ${domain || "an unknown domain"}: "${message.subject}" (no mail transport is configured; the text is not logged)`,
      );
      return;
    }
    sentMail.push(message);
    if (sentMail.length > 100) sentMail.shift();
    console.log(`[mail] to=${message.to} subject="${message.subject}"\n${message.text}`);
  },
};

let transport: MailTransport = logTransport;
export function setMailTransport(t: MailTransport) {
  transport = t;
}
export function sendMail(message: MailMessage) {
  return transport.send(message);
}
