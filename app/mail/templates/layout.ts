// Building blocks for mail templates: each block renders to plain text and to simple HTML
// (GOV.UK Notify style: one column, plain paragraphs, links written out), with every piece of
// text escaped, so a template cannot produce markup from data it was given.
import type { z } from "zod";

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailBlock {
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const P = 'style="margin:0 0 20px 0;font-size:19px;line-height:1.315789;color:#0b0c0c"';

export function paragraph(text: string): MailBlock {
  return { text, html: `<p ${P}>${escapeHtml(text)}</p>` };
}

/** A link on its own line; the plain text gives the address in full so it can be copied. */
export function linkBlock(href: string, label?: string): MailBlock {
  const text = label ? `${label}:\n${href}` : href;
  return { text, html: `<p ${P}><a href="${escapeHtml(href)}" style="color:#1d70b8">${escapeHtml(label ?? href)}</a></p>` };
}

/** Notify's inset text: a grey rule on the left. */
export function inset(text: string): MailBlock {
  return {
    text: text
      .split("\n")
      .map((line) => `  ${line}`)
      .join("\n"),
    html: `<blockquote style="margin:0 0 20px 0;border-left:10px solid #b1b4b6;padding:15px 0 0.1px 15px;font-size:19px;line-height:1.315789">${escapeHtml(
      text,
    )
      .split("\n")
      .map((line) => `<p ${P}>${line}</p>`)
      .join("")}</blockquote>`,
  };
}

export function bulletList(items: string[]): MailBlock {
  return {
    text: items.map((item) => `* ${item}`).join("\n"),
    html: `<ul style="margin:0 0 20px 0;padding-left:20px;font-size:19px;line-height:1.315789">${items.map((item) => `<li style="margin:5px 0">${escapeHtml(item)}</li>`).join("")}</ul>`,
  };
}

/** The whole message: a heading-free body (the subject is the heading), signed by the service. */
export function composeMail(subject: string, blocks: MailBlock[]): RenderedMail {
  const all = [...blocks, paragraph("Council Marketplace")];
  return {
    subject,
    text: all.map((b) => b.text).join("\n\n") + "\n",
    html:
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
      `<title>${escapeHtml(subject)}</title></head>` +
      `<body style="margin:0;padding:0;font-family:Helvetica,Arial,sans-serif;background:#ffffff">` +
      `<div style="max-width:580px;margin:0 auto;padding:20px">${all.map((b) => b.html).join("\n")}</div></body></html>`,
  };
}

/**
 * A template: its data checked by a zod schema when the message is queued (a caller passing
 * the wrong data is a programming error and fails its own transaction, not the sender later).
 */
export function mailTemplate<S extends z.ZodTypeAny>(schema: S, render: (data: z.infer<S>) => RenderedMail) {
  const template = (data: unknown): RenderedMail => render(schema.parse(data));
  return Object.assign(template, { schema });
}

export type MailTemplate = ReturnType<typeof mailTemplate>;
