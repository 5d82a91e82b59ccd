// The AWS SDK warns once per process, at its first client, that its releases after January 2027
// need Node 22 (the portal runs on Node 20 with the SDK pinned). The S3 document store turns off
// that one notice with the SDK's own switch, so it does not repeat in every worker's and test's
// output; other warnings still show. (This file makes its own client first, before any test
// helper could set the switch.)
import { expect, it } from "vitest";

it("makes the S3 store's client without the SDK's Node-version notice, and leaves other warnings alone", async () => {
  delete process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  const warnings: string[] = [];
  const listen = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
  process.on("warning", listen);
  try {
    const { s3DocumentStore } = await import("~/services/s3-document-store.server");
    const store = s3DocumentStore({
      bucket: "cm-documents",
      endpoint: "http://127.0.0.1:1",
      region: "us-east-1",
      prefix: "",
      forcePathStyle: true,
      timeoutMs: 15_000,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    });
    await expect(store.get("0".repeat(64))).rejects.toMatchObject({ code: "ECONNREFUSED" });
    await store.close();
    process.emitWarning("an unrelated warning, emitted by this test to show warnings still show");
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => /NodeVersionSupportWarning|AWS SDK/.test(w))).toEqual([]);
    expect(warnings).toContain("Warning: an unrelated warning, emitted by this test to show warnings still show");
    expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe("true");
  } finally {
    process.off("warning", listen);
  }
});
