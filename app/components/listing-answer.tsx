// One listing answer as the listing form shows it (listingValueText's words): a list item by
// item, anything else as text with its line breaks kept. For the moderation view and the
// listing history.
export function ListingAnswer({ value }: { value: string | string[] }) {
  if (typeof value === "string")
    return (
      <>
        {value.split(/\r?\n/).map((line, i) => (
          <span key={i} className="govuk-!-display-block">
            {line}
          </span>
        ))}
      </>
    );
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      {value.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}
