// Reads an OCDS release package as a stream of tokens and hands over one release at a time,
// so a 1 GB package never sits in memory whole. Faults are reported by position: the release's
// index in `releases` (0-based) and, for broken JSON, how far the reader had got.
import type { Readable } from "node:stream";
import Assembler from "stream-json/assembler.js";
import parserStream from "stream-json";

export type PackageEvent =
  | { kind: "release"; index: number; value: unknown }
  | { kind: "package"; version: string | null; uri: string | null; license: string | null; releaseCount: number };

export class OcdsPackageError extends Error {
  constructor(
    message: string,
    /** Releases read in full before the fault. */
    public readonly releasesRead: number,
  ) {
    super(message);
  }
}

interface Token {
  name: string;
  value?: unknown;
}

/**
 * Yields each release of `input` in order, then one "package" event. Throws OcdsPackageError
 * when the input is not JSON, is cut short, or is not a release package (no top-level
 * `releases` array); the releases already yielded stay yielded.
 */
export async function* readReleasePackage(input: Readable): AsyncGenerator<PackageEvent> {
  const tokens = input.pipe(parserStream());
  let depth = 0;
  let topKey: string | null = null;
  let inReleases = false;
  let sawReleases = false;
  let index = 0;
  let release: Assembler | null = null;
  const meta: Record<string, string> = {};
  let rootIsObject: boolean | null = null;
  try {
    for await (const chunk of tokens) {
      const token = chunk as Token;
      if (release) {
        release.consume(token as never);
        if (release.done) {
          yield { kind: "release", index, value: release.current };
          index += 1;
          release = null;
        }
        continue;
      }
      switch (token.name) {
        case "startObject":
        case "startArray":
          if (depth === 0) rootIsObject = token.name === "startObject";
          if (inReleases && depth === 2) {
            release = new Assembler();
            release.consume(token as never);
            continue;
          }
          if (depth === 1 && topKey === "releases" && token.name === "startArray") {
            inReleases = true;
            sawReleases = true;
          }
          depth += 1;
          break;
        case "endObject":
        case "endArray":
          depth -= 1;
          if (depth === 1 && inReleases) inReleases = false;
          break;
        case "keyValue":
          if (depth === 1) topKey = String(token.value);
          break;
        case "stringValue":
        case "numberValue":
          if (inReleases && depth === 2)
            throw new OcdsPackageError(`release ${index} is not a JSON object (found a ${token.name.replace("Value", "")})`, index);
          if (depth === 1 && topKey) meta[topKey] = String(token.value);
          break;
        case "nullValue":
        case "trueValue":
        case "falseValue":
          if (inReleases && depth === 2) throw new OcdsPackageError(`release ${index} is not a JSON object`, index);
          break;
      }
    }
  } catch (error) {
    if (error instanceof OcdsPackageError) throw error;
    const where = release ? `inside release ${index}` : `after ${index} release${index === 1 ? "" : "s"}`;
    throw new OcdsPackageError(`not valid JSON (${where}): ${(error as Error).message.slice(0, 200)}`, index);
  }
  if (release || depth !== 0) throw new OcdsPackageError(`the file ends early, inside release ${index}: it is cut short`, index);
  if (rootIsObject === null) throw new OcdsPackageError("the file is empty", 0);
  if (!rootIsObject || !sawReleases) throw new OcdsPackageError('not an OCDS release package: it has no top-level "releases" array', index);
  yield { kind: "package", version: meta.version ?? null, uri: meta.uri ?? null, license: meta.license ?? null, releaseCount: index };
}
