// Reads an uploaded CSV file from a multipart form (listings import, contracts upload): the size
// limit and the checks that it is a text CSV in UTF-8, each refusal as the message for the file
// field. Authorise before calling this: it reads the body.
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

const CSV_TYPES = ["text/csv", "application/vnd.ms-excel", "text/plain", "application/octet-stream", ""];

export type CsvUpload = { ok: true; text: string; form: FormData } | { ok: false; status: 400 | 413; message: string };

const refuse = (message: string, status: 400 | 413 = 400): CsvUpload => ({ ok: false, status, message });

export async function readCsvUpload(request: Request, maxBytes: number): Promise<CsvUpload> {
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data"))
    return refuse("Upload the file with the form on this page");
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return refuse(`The file must be smaller than ${maxBytes / 1_000_000} MB`, 413);
    return refuse("The upload could not be read. Try again");
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return refuse("Select a CSV file");
  if (!/\.csv$/i.test(file.name) || !CSV_TYPES.includes(file.type)) return refuse("The selected file must be a CSV");
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0)) return refuse("The selected file must be a CSV: this one looks like a spreadsheet or other binary file");
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), form };
  } catch {
    return refuse("The selected file must be saved as CSV UTF-8");
  }
}
