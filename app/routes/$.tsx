import type { MetaFunction } from "@remix-run/node";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Page not found");

// Any address no route matches: a real 404 rendered by the root error boundary.
export async function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
