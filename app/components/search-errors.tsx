// What is wrong with a search that cannot be run or saved, and the way to start again: the
// search page, saving a search to a project and saving it as an alert all say it alike.
import { BulletList, LinkParagraph } from "./buying";

export function SearchErrors({ errors, startAgain = "/search" }: { errors: readonly string[]; startAgain?: string }) {
  return (
    <>
      <BulletList items={errors} />
      <LinkParagraph to={startAgain}>Start a new search</LinkParagraph>
    </>
  );
}
