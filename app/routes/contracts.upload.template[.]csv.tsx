import type { LoaderFunctionArgs } from "@remix-run/node";
import { contractCsvTemplate } from "~/models/contract.schema";

// The template is the same for everyone and says nothing private: no sign-in needed.
export function loader(_args: LoaderFunctionArgs) {
  return new Response(contractCsvTemplate(), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="contracts-template.csv"' },
  });
}
