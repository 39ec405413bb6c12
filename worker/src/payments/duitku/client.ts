import { z } from "zod";
import { logger } from "../../core/logger";
import type { DuitkuConfig } from "../config";
import { CircuitBreaker, CircuitOpenError } from "./circuit-breaker";
import { popRequestSignature, transactionStatusSignature } from "./signature";

/**
 * `unavailable`: Duitku could not be reached, timed out, returned a 5xx, or the circuit is open.
 * `rejected`: Duitku responded and refused the request. `invalid_response`: the response had an
 * unexpected shape.
 */
export type DuitkuErrorKind = "unavailable" | "rejected" | "invalid_response";

export class DuitkuError extends Error {
  constructor(
    readonly kind: DuitkuErrorKind,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = "DuitkuError";
  }
}

export interface DuitkuClientOptions {
  createTimeoutMs?: number;
  statusTimeoutMs?: number;
  /** Attempts for a status check, the first included. */
  statusAttempts?: number;
  /** Base delay before the first status retry; it doubles per retry, plus up to 50 % jitter. */
  retryBaseMs?: number;
}

const DEFAULTS: Required<DuitkuClientOptions> = {
  createTimeoutMs: 10_000,
  statusTimeoutMs: 5_000,
  statusAttempts: 3,
  retryBaseMs: 250,
};

// One breaker for all calls to Duitku from this isolate; see CircuitBreaker for its scope.
const breaker = new CircuitBreaker({ failureThreshold: 5, openMs: 30_000 });

/** Closes the circuit; tests use it so that one test's simulated outage does not leak into the next. */
export function resetDuitkuCircuit(): void {
  breaker.reset();
}

export function duitkuCircuitState() {
  return breaker.state;
}

export interface CreateInvoiceInput {
  merchantOrderId: string;
  amount: number;
  productDetails: string;
  email: string;
  customerName: string;
  /** Duitku payment method code; without one Duitku shows its own method selection page. */
  paymentMethod?: string;
  userId: string;
  expiryMinutes: number;
}

export interface Invoice {
  reference: string;
  paymentUrl: string;
}

export interface TransactionStatus {
  /** "00" paid, "01" pending, anything else failed or expired. */
  statusCode: string;
  statusMessage: string;
  reference: string | null;
  /** As Duitku sent it, e.g. "99000" or "99000.00". */
  amount: string | null;
}

const invoiceSchema = z.object({
  statusCode: z.string(),
  statusMessage: z.string().optional(),
  reference: z.string().min(1).max(100).optional(),
  paymentUrl: z.url({ protocol: /^https?$/ }).optional(),
});

const statusSchema = z.object({
  statusCode: z.string(),
  statusMessage: z.string().optional().default(""),
  reference: z.string().nullish(),
  amount: z.union([z.string(), z.number()]).nullish(),
});

interface PostResult {
  status: number;
  body: unknown;
}

/** The Duitku POP API as Lumiku uses it: create an invoice and ask for a transaction's status. */
export class DuitkuClient {
  private readonly options: Required<DuitkuClientOptions>;

  constructor(
    private readonly config: DuitkuConfig,
    options: DuitkuClientOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /**
   * Creates a POP invoice. It is sent once and never retried: after a timeout or a 5xx it is
   * unknown whether Duitku registered the merchantOrderId, and Duitku does not document what a
   * second createInvoice with the same id does. The caller marks the order failed instead, and
   * a payment that still arrives for it is credited by the callback.
   */
  async createInvoice(input: CreateInvoiceInput): Promise<Invoice> {
    const timestamp = String(Date.now());
    const headers = {
      "x-duitku-signature": popRequestSignature(this.config.merchantCode, timestamp, this.config.apiKey),
      "x-duitku-timestamp": timestamp,
      "x-duitku-merchantcode": this.config.merchantCode,
    };
    const body = {
      paymentAmount: input.amount,
      merchantOrderId: input.merchantOrderId,
      productDetails: input.productDetails,
      ...(input.paymentMethod ? { paymentMethod: input.paymentMethod } : {}),
      email: input.email,
      customerVaName: input.customerName,
      merchantUserInfo: input.userId,
      additionalParam: "",
      itemDetails: [{ name: input.productDetails, price: input.amount, quantity: 1 }],
      callbackUrl: this.config.callbackUrl,
      returnUrl: this.config.returnUrl,
      expiryPeriod: input.expiryMinutes,
    };

    const result = await breaker
      .run(() => this.post("/api/merchant/createInvoice", body, headers, this.options.createTimeoutMs))
      .catch(toDuitkuError);

    const parsed = invoiceSchema.safeParse(result.body);
    if (result.status >= 400 || !parsed.success || parsed.data.statusCode !== "00") {
      const message = parsed.success ? (parsed.data.statusMessage ?? parsed.data.statusCode) : `HTTP ${result.status}`;
      throw new DuitkuError(result.status < 400 && !parsed.success ? "invalid_response" : "rejected", message);
    }
    if (!parsed.data.reference || !parsed.data.paymentUrl) {
      throw new DuitkuError("invalid_response", "createInvoice response has no reference or paymentUrl");
    }
    return { reference: parsed.data.reference, paymentUrl: parsed.data.paymentUrl };
  }

  /** Asks Duitku for an order's status; retried with backoff because the call only reads. */
  async transactionStatus(merchantOrderId: string): Promise<TransactionStatus> {
    const body = {
      merchantCode: this.config.merchantCode,
      merchantOrderId,
      signature: transactionStatusSignature(this.config.merchantCode, merchantOrderId, this.config.apiKey),
    };

    let lastError: DuitkuError | null = null;
    for (let attempt = 1; attempt <= this.options.statusAttempts; attempt++) {
      if (attempt > 1) await sleep(backoffMs(this.options.retryBaseMs, attempt - 1));
      try {
        const result = await breaker
          .run(() => this.post("/api/merchant/transactionStatus", body, {}, this.options.statusTimeoutMs))
          .catch(toDuitkuError);
        if (result.status >= 400) throw new DuitkuError("rejected", `transactionStatus returned HTTP ${result.status}`);

        const parsed = statusSchema.safeParse(result.body);
        if (!parsed.success) throw new DuitkuError("invalid_response", "transactionStatus returned an unexpected body");
        return {
          statusCode: parsed.data.statusCode,
          statusMessage: parsed.data.statusMessage,
          reference: parsed.data.reference ?? null,
          amount: parsed.data.amount === null || parsed.data.amount === undefined ? null : String(parsed.data.amount),
        };
      } catch (error) {
        if (!(error instanceof DuitkuError)) throw error;
        lastError = error;
        // Only an outage is worth retrying, and an open circuit means the outage is already known.
        if (error.kind !== "unavailable" || error.retryAfterMs !== null) throw error;
        logger.warn("Duitku status check failed; retrying", { merchantOrderId, attempt, error: error.message });
      }
    }
    throw lastError ?? new DuitkuError("unavailable", "transactionStatus failed");
  }

  /**
   * POSTs JSON and returns status and parsed body. Network errors, timeouts and 5xx responses
   * throw, so that the breaker counts them. A 4xx response is returned because it means Duitku
   * is up and refused this one request.
   */
  private async post(
    path: string,
    body: unknown,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<PostResult> {
    let response: Response;
    try {
      response = await fetch(`${this.config.baseUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === "TimeoutError";
      throw new DuitkuError(
        "unavailable",
        timedOut ? `Duitku ${path} timed out after ${timeoutMs} ms` : `Duitku ${path} unreachable: ${String(error)}`,
      );
    }

    const text = await response.text();
    if (response.status >= 500) {
      throw new DuitkuError("unavailable", `Duitku ${path} returned HTTP ${response.status}`);
    }

    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      if (response.ok) throw new DuitkuError("invalid_response", `Duitku ${path} returned a body that is not JSON`);
    }
    return { status: response.status, body: parsed };
  }
}

function toDuitkuError(error: unknown): never {
  if (error instanceof CircuitOpenError) {
    throw new DuitkuError("unavailable", "Duitku circuit is open after repeated failures", error.retryAfterMs);
  }
  throw error;
}

function backoffMs(baseMs: number, retry: number): number {
  const delay = baseMs * 2 ** (retry - 1);
  return delay + Math.floor(Math.random() * delay * 0.5);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
