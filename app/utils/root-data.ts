// What the root loader (app/root.tsx) gives every page, and the hook pages use to read the
// signed-in user without importing the root module.
import { useRouteLoaderData } from "@remix-run/react";

export type RootData = {
  flash: string | null;
  csrfToken: string;
  formSeed: string;
  stylesheetHref: string;
  user: {
    name: string;
    email: string;
    roles: string[];
    council: { id: string; code: string; name: string } | null;
    supplier: { id: string; slug: string; tradingName: string } | null;
  } | null;
};

/** The signed-in user, or null, from the root loader. */
export function useOptionalUser() {
  return (useRouteLoaderData("root") as RootData | undefined)?.user ?? null;
}
