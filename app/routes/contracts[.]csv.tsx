// /contracts.csv – the register (as the page's filters give it) as CSV; private rows only for their own council.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { contractsForExport, parseContractFilters } from "~/models/contract.server";
import { registerCsv } from "~/models/contract-export";
import { contractViewer } from "~/auth/contract-policy.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer } = await contractViewer(request);
  const contracts = await contractsForExport(parseContractFilters(new URL(request.url).searchParams), viewer);
  return new Response(registerCsv(contracts), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="contracts-register.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
