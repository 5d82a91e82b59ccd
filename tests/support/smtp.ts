// A real SMTP server in this test process (smtp-server, read back with mailparser): the data-layer
// tests point SMTP_URL at it and read what actually arrived, not the queue (tests/support/mail.ts
// reads the queue). Authentication is optional; given, it must be portal / s3cret.
import net from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  /** Who authenticated, or null for an unauthenticated session. */
  user: string | null;
  subject: string;
  text: string;
  parsed: ParsedMail;
}

export interface TestSmtp {
  server: SMTPServer;
  port: number;
  /** An SMTP_URL for this server, with the test credentials unless `auth` is false. */
  url: (auth?: boolean) => string;
  received: ReceivedMail[];
  stop: () => Promise<void>;
}

/** Starts the server on `port` (0: any free one). */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    // The test server has no certificate the client would trust; STARTTLS is tested by config.
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "portal" && auth.password === "s3cret") return callback(null, { user: auth.username });
      return callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      void simpleParser(stream).then(
        (parsed) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            user: typeof session.user === "string" ? session.user : null,
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            parsed,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.server.address() as net.AddressInfo).port;
  return {
    server,
    port: bound,
    url: (auth = true) => `smtp://${auth ? "portal:s3cret@" : ""}127.0.0.1:${bound}`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (for "the mail server is down"). */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Waits for the sender a commit woke (it never makes the request wait), then sends anything still due. */
export async function deliverQueuedMail() {
  const { drainMailQueue, mailSenderIdle } = await import("~/mail/sender.server");
  await mailSenderIdle();
  return drainMailQueue();
}
