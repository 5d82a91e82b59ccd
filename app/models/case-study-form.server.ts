// The case study form's posts, shared by /case-studies/new and /case-studies/:slug/edit.
// Saving goes through the one write pipeline (handleForm with caseStudyFormSchema and a model
// call returning Result); this module adds what the form page shows beside a refused save
// (the product picker, and after a stale edit what others changed), and answers the posts
// that only change what the form shows ("add a row", "find products"), which save nothing.
import type { TypedResponse } from "@remix-run/node";
import { productPicker } from "~/services/search.server";
import { handleForm } from "~/utils/form-action.server";
import { withFailureExtras } from "~/utils/form-extras.server";
import { boundEchoValues, formDataToObject, type EchoedValues } from "~/utils/forms";
import type { Result } from "~/utils/result";
import { getEditConflict, type SavedCaseStudy } from "./case-study.server";
import { CASE_STUDY_ARRAY_KEYS, caseStudyFormSchema, pickerInputs, readFormOnlyPost, type CaseStudyInput } from "./case-study.schema";

/** The product finder for a form's answers: the products chosen, and matches for the words typed. */
export function pickerFor(values: Record<string, unknown>) {
  const { productQuery, productIds } = pickerInputs(values);
  return productPicker(productQuery, productIds);
}

/**
 * The form shown again after "add a row" or "find products" (200, nothing saved), or null
 * for a post that saves. It reads a copy of the body, so handleForm still reads the post.
 */
export async function formOnlyAnswer(request: Request) {
  let values: Record<string, unknown>;
  try {
    values = formDataToObject(await request.clone().formData(), CASE_STUDY_ARRAY_KEYS);
  } catch {
    return null; // Not a readable form: handleForm answers it.
  }
  const post = readFormOnlyPost(values);
  if (!post) return null;
  return { values: boundEchoValues(post.values) as EchoedValues, adding: post.adding, picker: await pickerFor(post.values) };
}

/** What a refused case-study form comes back with besides errors and values. */
export type CaseStudyRefusal = { picker: Awaited<ReturnType<typeof pickerFor>> } & Partial<Awaited<ReturnType<typeof getEditConflict>>>;

/**
 * Saves a posted case study through handleForm: `save` is the model call (createCaseStudy or
 * updateCaseStudy). A refused save comes back with the product picker; a stale edit (409)
 * also with what others saved since the officer opened it.
 */
export async function saveCaseStudyForm(
  request: Request,
  options: {
    save: (input: CaseStudyInput) => Promise<Result<SavedCaseStudy>>;
    onSaved: (saved: SavedCaseStudy) => Promise<TypedResponse<never>>;
    /** The case study being edited (for the changes shown after a conflict). */
    slug?: string;
  },
) {
  const answer = await handleForm(request, {
    schema: caseStudyFormSchema,
    arrayKeys: CASE_STUDY_ARRAY_KEYS,
    run: (input) => options.save(input),
    onSuccess: options.onSaved,
  });
  return withFailureExtras(answer, async (refused): Promise<CaseStudyRefusal> => ({
    picker: await pickerFor(refused.values),
    ...(refused.failure?.kind === "conflict" && options.slug
      ? await getEditConflict(options.slug, Number(refused.values.lockVersion) || null)
      : {}),
  }));
}
