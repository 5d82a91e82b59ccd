// The project history reads as words (issue 18 item 5): the notices a buyer ticks off and the
// notices recorded as published are kept by code, and shown by name.
import { describe, expect, it } from "vitest";
import { describeProjectEvent } from "~/models/project-history";
import { NOTICE_NAMES } from "~/procurement/notices";

describe("notice events in the project history", () => {
  it("names the notices ticked off, not their codes", () => {
    const event = describeProjectEvent({
      action: "project.notices-updated",
      before: null,
      after: JSON.stringify(["BELOW_THRESHOLD_CONTRACT_DETAILS", "TRANSPARENCY_CODE_CONTRACT", "UK7"]),
    });
    expect(event).toEqual({
      label: "Updated the notices checklist",
      detail:
        "Done: Contract details notice (notifiable below-threshold contract), Contract published under the Local Government Transparency Code, Contract details notice (UK7)",
    });
  });

  it("names a published notice, with its id and address", () => {
    const event = describeProjectEvent({
      action: "project.notice-published",
      before: null,
      after: JSON.stringify({ code: "UK6", noticeId: "012345-2026", url: "https://www.find-tender.service.gov.uk/Notice/012345-2026" }),
    });
    expect(event.detail).toBe("Contract award notice (UK6): 012345-2026 (https://www.find-tender.service.gov.uk/Notice/012345-2026)");
  });

  it("has a name for every notice code, none of them a code", () => {
    for (const [code, name] of Object.entries(NOTICE_NAMES)) {
      expect(name, code).not.toMatch(/^[A-Z0-9_]+$/);
      expect(name, code).not.toContain("_");
    }
  });
});
