import { describe, expect, it } from "vitest";
import { callbackSignature, popRequestSignature, signaturesMatch, transactionStatusSignature } from "./signature";

// Duitku's sandbox demo credentials and callback from the official PHP library
// (duitkupg/duitku-php, tests/CallbackTest.php and tests/params/ParamsCallback.json).
const DEMO = {
  merchantCode: "D0001",
  apiKey: "732B39FC61796845775D2C4FB05332AF",
  merchantOrderId: "12345",
  amount: "10000",
  signature: "4104f20a70c933113c66c004fe25a9f1",
};

describe("Duitku signatures", () => {
  it("callback signature matches the official vector", () => {
    expect(callbackSignature(DEMO.merchantCode, DEMO.amount, DEMO.merchantOrderId, DEMO.apiKey)).toBe(DEMO.signature);
  });

  it("callback signature covers the amount string as sent", () => {
    const plain = callbackSignature(DEMO.merchantCode, "10000", DEMO.merchantOrderId, DEMO.apiKey);
    const decimal = callbackSignature(DEMO.merchantCode, "10000.00", DEMO.merchantOrderId, DEMO.apiKey);
    expect(decimal).not.toBe(plain);
  });

  it("transactionStatus signature is md5 of code, order and key", () => {
    // Computed with `printf 'D000112345732B39FC61796845775D2C4FB05332AF' | md5sum`.
    expect(transactionStatusSignature(DEMO.merchantCode, DEMO.merchantOrderId, DEMO.apiKey)).toBe(
      "6620b1f50d9bb82fc3d5f550d258c4c5",
    );
  });

  it("POP header signature is sha256 of code, timestamp and key", () => {
    // Computed with `printf 'D00011700000000000732B39FC61796845775D2C4FB05332AF' | sha256sum`.
    expect(popRequestSignature(DEMO.merchantCode, "1700000000000", DEMO.apiKey)).toBe(
      "7e04cbcd20d241b996fe296c902acecd4fc44490f3850bea3c7ac9a86842185f",
    );
  });

  it("signature comparison ignores hex case only", () => {
    expect(signaturesMatch(DEMO.signature.toUpperCase(), DEMO.signature)).toBe(true);
    expect(signaturesMatch(`${DEMO.signature.slice(0, -1)}0`, DEMO.signature)).toBe(false);
    expect(signaturesMatch(DEMO.signature.slice(0, 10), DEMO.signature)).toBe(false);
    expect(signaturesMatch("", DEMO.signature)).toBe(false);
  });
});
