// /contracts.json – the register as an OCDS 1.1 release package: one "contract" release per contract.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { contractsForExport, parseContractFilters } from "~/models/contract.server";
import { registerReleasePackage } from "~/models/contract-export";
import { contractViewer } from "~/auth/contract-policy.server";
import { getEnv } from "~/utils/env.server";
import { now } from "~/utils/clock.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer } = await contractViewer(request);
  const contracts = await contractsForExport(parseContractFilters(new URL(request.url).searchParams), viewer);
  const body = registerReleasePackage(contracts, getEnv().OCID_PREFIX, now(), "Council Marketplace");
  return new Response(JSON.stringify(body, null, 1), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="contracts-register.json"',
      "Cache-Control": "private, no-store",
    },
  });
}
