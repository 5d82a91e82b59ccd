// The one way a schema asks for a required line of text (issue 11): trimmed, not blank, and no
// longer than `max`, with GOV.UK's messages ("Enter …", "<Label> must be N characters or fewer").
// Pure zod, shared by the browser and the server like the schemas that use it.
import { z } from "zod";

export function requiredText(label: string, max: number, missing = `Enter ${label.toLowerCase()}`) {
  return z.string({ required_error: missing }).trim().min(1, missing).max(max, `${label} must be ${max} characters or fewer`);
}
