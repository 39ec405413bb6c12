import { describe, expect, it } from "vitest";
import { isPaymentUrl } from "./payment-url";

describe("isPaymentUrl", () => {
  it("accepts absolute http and https URLs", () => {
    expect(isPaymentUrl("https://app-sandbox.duitku.com/redirect_checkout?reference=DS1")).toBe(true);
    expect(isPaymentUrl("http://127.0.0.1:8790/pay/DSIM1")).toBe(true);
  });

  it("rejects script, data and relative URLs", () => {
    expect(isPaymentUrl("javascript:alert(1)")).toBe(false);
    expect(isPaymentUrl("data:text/html,hi")).toBe(false);
    expect(isPaymentUrl("/pay/DSIM1")).toBe(false);
    expect(isPaymentUrl("")).toBe(false);
  });
});
