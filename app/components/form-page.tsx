// The page shapes the sign-in, sign-up, password and invitation pages share (GOV.UK's
// question pages): everything in the two-thirds column; a page with one form posting to its
// own route; a page that only tells the user something.
import type { FormEvent, ReactNode } from "react";
import { Form } from "~/components/form";
import { ErrorSummary, SubmitButton, type FieldErrors } from "~/components/forms";

/** GOV.UK's layout for a form or a short message: one row, the two-thirds column. */
export function NarrowPage({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">{children}</div>
    </div>
  );
}

/** A page that only tells the user something: its heading, then paragraphs and links. */
export function MessagePage({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <NarrowPage>
      <h1 className="govuk-heading-l">{title}</h1>
      {children}
    </NarrowPage>
  );
}

/**
 * A page with one form that posts to its own route: the error summary, the heading (with an
 * optional caption above it), what comes before the form, the fields and the submit button,
 * then what follows the form (links to other pages).
 *
 *   <FormPage title="Sign in" errors={errors} onSubmit={onSubmit} submitLabel="Sign in">
 *     <EmailField {...field("email")} label="Email address" />
 *   </FormPage>
 */
export function FormPage({
  title,
  caption,
  errors,
  errorLabels,
  intro,
  onSubmit,
  submitLabel,
  children,
  footer,
}: {
  title: ReactNode;
  caption?: ReactNode;
  errors: FieldErrors;
  /** Field labels for the error summary's links, where a message alone is not enough. */
  errorLabels?: Record<string, string>;
  intro?: ReactNode;
  /** useZodForm's onSubmit: validates in the browser first. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <NarrowPage>
      <ErrorSummary errors={errors} labels={errorLabels} />
      {caption ? <span className="govuk-caption-l">{caption}</span> : null}
      <h1 className="govuk-heading-l">{title}</h1>
      {intro}
      <Form method="post" noValidate onSubmit={onSubmit}>
        {children}
        <SubmitButton>{submitLabel}</SubmitButton>
      </Form>
      {footer}
    </NarrowPage>
  );
}
