import { z } from "zod";

const CHOOSE = "Choose an organisation to verify";

export const verifySupplierSchema = z.object({
  supplierId: z.string({ required_error: CHOOSE, invalid_type_error: CHOOSE }).min(1, CHOOSE).max(50, CHOOSE),
});
