// Mail transport interface. Development and tests print messages to the server log
// (and keep them in memory for tests); production plugs in a real transport.
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
