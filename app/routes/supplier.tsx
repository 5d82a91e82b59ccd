// The supplier area's layout (/supplier/*): authorises once for the area and loads its header
// and navigation once; each page below still checks its own permission (defence in depth).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { requireSupplierArea } from "~/auth/supplier-policy.server";
import { SupplierAccountNav, type SupplierAreaData } from "~/components/supplier-account";
import { getSupplierHeader } from "~/models/supplier-account.server";

export async function loader({ request }: LoaderFunctionArgs): Promise<SupplierAreaData> {
  const { supplierId } = await requireSupplierArea(request);
  // Admins reading a listing belong to no organisation: they get the pages without the organisation's navigation.
  return { organisation: supplierId ? await getSupplierHeader(supplierId) : null };
}

export default function SupplierArea() {
  const { organisation } = useLoaderData<typeof loader>();
  return (
    <>
      {organisation ? <SupplierAccountNav /> : null}
      <Outlet />
    </>
  );
}
