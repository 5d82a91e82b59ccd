// Links stored with a notification are followed only into the portal: a path, never another site
// ("//host" is protocol-relative, so it is refused too). One helper for every list of notifications.

/** The link when it is a path in the portal, else null (the message is then shown without one). */
export function internalLink(link: string | null | undefined): string | null {
  // A path: one slash, then no second slash or backslash, and no whitespace or control character
  // (browsers drop tabs and newlines, so "/\t/evil.example" would become "//evil.example").
  return link && /^\/(?![/\\])[^\s\u0000-\u001f\u007f]*$/.test(link) ? link : null;
}
