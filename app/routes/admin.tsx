// The admin area's layout (/admin/*): authorises once for the area and shows its navigation
// once; each page below still checks its own permission (defence in depth).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireRole } from "~/auth/permissions.server";
import { AdminNav } from "~/components/admin-nav";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return null;
}

export default function AdminArea() {
  return (
    <>
      <AdminNav />
      <Outlet />
    </>
  );
}
