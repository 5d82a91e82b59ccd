import type { MetaDescriptor } from "@remix-run/node";

export function pageTitle(title: string): MetaDescriptor[] {
  return [{ title: `${title} – Council Marketplace` }];
}
