import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvTemplate } from "~/models/listing-csv";
import { requireUser } from "~/auth/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return new Response(csvTemplate(), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="listings-template.csv"' },
  });
}
