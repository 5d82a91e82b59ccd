import { z } from "zod";

export const verifySupplierSchema = z.object({ supplierId: z.string().min(1).max(50) });
