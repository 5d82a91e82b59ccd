// The end-to-end runs' mail server: a real SMTP server (smtp-server) that the portal under
// test sends to (SMTP_URL in playwright.config.ts) and that writes each message it receives,
// parsed, as one JSON line to tests/.tmp/e2e-mail-<port>.jsonl for the tests to read
// (readMailbox in ./support.ts). Started by Playwright as a web server of its own.
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) throw new Error("usage: tsx tests/e2e/smtp-sink.ts <port>");
const file = path.resolve("tests/.tmp", `e2e-mail-${port}.jsonl`);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, "");

const server = new SMTPServer({
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    void simpleParser(stream).then(
      (parsed) => {
        const line = {
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
          receivedAt: new Date().toISOString(),
        };
        fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
        callback();
      },
      (error: Error) => callback(error),
    );
  },
});
server.listen(port, "127.0.0.1");
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
