import { describe, expect, it } from "vitest";
import { maxIndexingMemory } from "../../search/meili-process";

const GiB = 2 ** 30;

describe("the embedded Meilisearch's indexing memory (decision 145)", () => {
  it("is 1 GiB on a machine with memory to spare, not two thirds of it", () => {
    expect(maxIndexingMemory(23 * GiB)).toBe("1024MiB");
    expect(maxIndexingMemory(1.5 * GiB)).toBe("1024MiB");
  });

  it("stays within Meilisearch's own default, two thirds of the memory, on a small machine", () => {
    expect(maxIndexingMemory(1 * GiB)).toBe("682MiB");
    expect(maxIndexingMemory(0.05 * GiB)).toBe("64MiB");
  });
});
