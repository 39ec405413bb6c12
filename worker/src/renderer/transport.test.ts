import { describe, expect, it } from "vitest";
import { instanceName } from "./transport";

describe("instanceName", () => {
  it("maps a key to the same one of the four pooled instances every time", () => {
    const names = new Set(Array.from({ length: 200 }, (_, i) => instanceName(`vm-job-${i}`)));

    expect(instanceName("vm-job-1")).toBe(instanceName("vm-job-1"));
    expect([...names].sort()).toEqual(["instance-0", "instance-1", "instance-2", "instance-3"]);
  });
});
