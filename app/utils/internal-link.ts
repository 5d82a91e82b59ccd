// Links stored with a notification are followed only into the portal: a path, never another site
// ("//host" is protocol-relative, so it is refused too). One helper for every list of notifications.

/** The link when it is a path in the portal, else null (the message is then shown without one). */
export function internalLink(link: string | null | undefined): string | null {
  return link && link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\") ? link : null;
}
