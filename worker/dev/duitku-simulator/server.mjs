// Local stand-in for Duitku POP, for development and tests only. It serves the two calls the
// Worker makes (createInvoice, transactionStatus) and checks their signatures with the formulas
// Duitku uses. Its payment page lets a developer pick "pay" or "fail"; it then posts the signed
// form callback to the Worker and redirects the browser to the return URL.
//
// It binds to 127.0.0.1 only, posts callbacks only to loopback addresses, and the Worker refuses a
// DUITKU_BASE_URL on a local address when APP_ENV=production, so it can never take part in a
// real payment.
import { createHash, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
const TIMESTAMP_TOLERANCE_MS = 5 * 60 * 1000;
const MAX_BODY_BYTES = 64 * 1024;

const md5 = (text) => createHash("md5").update(text, "utf8").digest("hex");
const sha256 = (text) => createHash("sha256").update(text, "utf8").digest("hex");

function sameHex(received, expected) {
  const a = Buffer.from(String(received ?? "").toLowerCase());
  const b = Buffer.from(expected.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const rupiah = new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0 });

async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error("body too large"), { status: 413 });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(res, status, body, headers = {}) {
  const isText = typeof body === "string";
  res.writeHead(status, {
    "content-type": isText ? "text/html; charset=utf-8" : "application/json",
    "cache-control": "no-store",
    ...headers,
  });
  res.end(isText ? body : JSON.stringify(body));
}

/** Returns an error as a message object, as Duitku does; the real service's wording may differ. */
function duitkuError(res, status, message) {
  send(res, status, { Message: message });
}

function isLoopbackUrl(value) {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && LOOPBACK.has(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Creates the simulator. `merchantCode` and `apiKey` must match the Worker's DUITKU_MERCHANT_CODE
 * and DUITKU_API_KEY. Returns the Node server and its in-memory state.
 */
export function createSimulator({ merchantCode, apiKey, publicUrl, log = console.log }) {
  if (!merchantCode || !apiKey) throw new Error("the Duitku simulator needs DUITKU_MERCHANT_CODE and DUITKU_API_KEY");

  /** merchantOrderId → transaction */
  const transactions = new Map();
  const byReference = new Map();
  /** Recorded request bodies, newest last, for tests that check what the Worker sent. */
  const requests = [];
  /** Injected failures per endpoint: { mode: "error" | "hang" | "reject", remaining } */
  const faults = new Map();
  let counter = 0;

  function takeFault(endpoint) {
    const fault = faults.get(endpoint);
    if (!fault || fault.remaining <= 0) return null;
    fault.remaining -= 1;
    return fault.mode;
  }

  async function applyFault(res, endpoint) {
    const mode = takeFault(endpoint);
    if (mode === "error") {
      duitkuError(res, 503, "Simulated outage");
      return true;
    }
    if (mode === "hang") {
      // Never responds, so the client's timeout must end the request.
      return true;
    }
    return false;
  }

  async function createInvoice(req, res) {
    const body = JSON.parse(await readBody(req));
    requests.push({ endpoint: "createInvoice", body, headers: { ...req.headers } });
    if (await applyFault(res, "createInvoice")) return;

    const timestamp = req.headers["x-duitku-timestamp"];
    if (req.headers["x-duitku-merchantcode"] !== merchantCode) return duitkuError(res, 401, "Unknown merchant code");
    if (!timestamp || Math.abs(Date.now() - Number(timestamp)) > TIMESTAMP_TOLERANCE_MS) {
      return duitkuError(res, 401, "Timestamp missing or outside the allowed window");
    }
    if (!sameHex(req.headers["x-duitku-signature"], sha256(`${merchantCode}${timestamp}${apiKey}`))) {
      return duitkuError(res, 401, "Invalid signature");
    }

    const { merchantOrderId, paymentAmount, callbackUrl, returnUrl } = body;
    if (typeof merchantOrderId !== "string" || !/^[A-Za-z0-9-_]{1,50}$/.test(merchantOrderId)) {
      return duitkuError(res, 400, "merchantOrderId is invalid");
    }
    if (!Number.isInteger(paymentAmount) || paymentAmount <= 0)
      return duitkuError(res, 400, "paymentAmount is invalid");
    if (!isLoopbackUrl(callbackUrl))
      return duitkuError(res, 400, "callbackUrl must be a local address for the simulator");
    if (!isLoopbackUrl(returnUrl)) return duitkuError(res, 400, "returnUrl must be a local address for the simulator");
    // NOTE: Duitku does not document what a repeated merchantOrderId does; the simulator refuses it.
    if (transactions.has(merchantOrderId)) return duitkuError(res, 409, "merchantOrderId already exists");

    counter += 1;
    const reference = `DSIM${Date.now().toString(36).toUpperCase()}${String(counter).padStart(4, "0")}`;
    const transaction = {
      merchantOrderId,
      reference,
      amount: paymentAmount,
      productDetails: String(body.productDetails ?? ""),
      paymentMethod: body.paymentMethod ?? null,
      merchantUserId: String(body.merchantUserInfo ?? ""),
      callbackUrl,
      returnUrl,
      statusCode: "01",
      expiresAt: Date.now() + Number(body.expiryPeriod ?? 60) * 60_000,
      callbacks: [],
    };
    transactions.set(merchantOrderId, transaction);
    byReference.set(reference, merchantOrderId);
    log(`[duitku-sim] invoice ${reference} for ${merchantOrderId}: Rp ${paymentAmount}`);

    send(res, 200, {
      merchantCode,
      reference,
      paymentUrl: `${publicUrl}/pay/${reference}`,
      amount: String(paymentAmount),
      statusCode: "00",
      statusMessage: "SUCCESS",
    });
  }

  async function transactionStatus(req, res) {
    const body = JSON.parse(await readBody(req));
    requests.push({ endpoint: "transactionStatus", body, headers: { ...req.headers } });
    if (await applyFault(res, "transactionStatus")) return;

    if (body.merchantCode !== merchantCode) return duitkuError(res, 401, "Unknown merchant code");
    if (!sameHex(body.signature, md5(`${merchantCode}${body.merchantOrderId}${apiKey}`))) {
      return duitkuError(res, 401, "Invalid signature");
    }
    const transaction = transactions.get(body.merchantOrderId);
    if (!transaction) return duitkuError(res, 400, "Transaction not found");

    if (transaction.statusCode === "01" && Date.now() > transaction.expiresAt) transaction.statusCode = "02";
    const messages = { "00": "SUCCESS", "01": "PROCESS", "02": "FAILED" };
    send(res, 200, {
      merchantOrderId: transaction.merchantOrderId,
      reference: transaction.reference,
      amount: String(transaction.amount),
      fee: "0.00",
      statusCode: transaction.statusCode,
      statusMessage: messages[transaction.statusCode] ?? "FAILED",
    });
  }

  /** Posts the signed callback form the way Duitku does. */
  async function deliverCallback(transaction, resultCode, amountText = String(transaction.amount)) {
    const form = new URLSearchParams({
      merchantCode,
      amount: amountText,
      merchantOrderId: transaction.merchantOrderId,
      productDetail: transaction.productDetails,
      additionalParam: "",
      paymentCode: transaction.paymentMethod ?? "VC",
      resultCode,
      merchantUserId: transaction.merchantUserId,
      reference: transaction.reference,
      signature: md5(`${merchantCode}${amountText}${transaction.merchantOrderId}${apiKey}`),
      spUserHash: "",
    });
    try {
      const response = await fetch(transaction.callbackUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form,
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      transaction.callbacks.push({ resultCode, status: response.status, body: text.slice(0, 200) });
      log(
        `[duitku-sim] callback ${transaction.merchantOrderId} resultCode=${resultCode} → HTTP ${response.status} ${text.slice(0, 80)}`,
      );
      return response.status;
    } catch (error) {
      transaction.callbacks.push({ resultCode, status: 0, body: String(error) });
      log(`[duitku-sim] callback ${transaction.merchantOrderId} failed: ${error}`);
      return 0;
    }
  }

  function paymentPage(transaction) {
    const closed = transaction.statusCode !== "01";
    const status =
      { "00": "Sudah dibayar / Paid", "02": "Gagal / Failed" }[transaction.statusCode] ?? "Menunggu / Pending";
    return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Simulator Duitku – ${escapeHtml(transaction.reference)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1f2937}
.warn{background:#fef3c7;padding:.75rem;border-radius:.5rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}
button{font-size:1rem;padding:.6rem 1.2rem;margin-right:.5rem;border-radius:.4rem;border:1px solid #555;cursor:pointer}
.pay{background:#16a34a;color:#fff;border-color:#16a34a}</style></head>
<body><main>
<h1>Simulator Duitku</h1>
<p class="warn" role="note">Hanya untuk pengembangan: tidak ada uang sungguhan. / Development only: no real money moves.</p>
<dl><dt>Produk</dt><dd>${escapeHtml(transaction.productDetails)}</dd>
<dt>Jumlah</dt><dd>${escapeHtml(rupiah.format(transaction.amount))}</dd>
<dt>Order</dt><dd>${escapeHtml(transaction.merchantOrderId)}</dd>
<dt>Referensi</dt><dd>${escapeHtml(transaction.reference)}</dd>
<dt>Status</dt><dd>${escapeHtml(status)}</dd></dl>
${
  closed
    ? `<p><a href="${escapeHtml(returnUrlFor(transaction))}">Kembali ke Lumiku / Back to Lumiku</a></p>`
    : `<form method="post" action="/pay/${escapeHtml(transaction.reference)}">
<button class="pay" name="action" value="pay" type="submit">Bayar sekarang</button>
<button name="action" value="fail" type="submit">Gagalkan pembayaran</button></form>`
}
</main></body></html>`;
  }

  function returnUrlFor(transaction) {
    const url = new URL(transaction.returnUrl);
    url.searchParams.set("merchantOrderId", transaction.merchantOrderId);
    url.searchParams.set("resultCode", transaction.statusCode);
    url.searchParams.set("reference", transaction.reference);
    return url.toString();
  }

  async function handlePayForm(req, res, reference) {
    const transaction = transactions.get(byReference.get(reference));
    if (!transaction) return send(res, 404, "<p>Invoice tidak ditemukan / Invoice not found</p>");
    const action = new URLSearchParams(await readBody(req)).get("action");
    if (transaction.statusCode !== "01") return send(res, 409, paymentPage(transaction));
    if (action !== "pay" && action !== "fail") return send(res, 400, "<p>action must be pay or fail</p>");

    transaction.statusCode = action === "pay" ? "00" : "02";
    // Duitku's callback uses "00" for success and "01" for failure.
    await deliverCallback(transaction, action === "pay" ? "00" : "01");
    res.writeHead(303, { location: returnUrlFor(transaction), "cache-control": "no-store" });
    res.end();
  }

  async function control(req, res, url) {
    const parts = url.pathname.split("/").filter(Boolean).slice(1);
    if (req.method === "GET" && parts[0] === "health") return send(res, 200, { ok: true, merchantCode });
    if (req.method === "GET" && parts[0] === "requests") {
      const orderId = url.searchParams.get("merchantOrderId");
      return send(res, 200, { items: requests.filter((r) => !orderId || r.body?.merchantOrderId === orderId) });
    }
    if (parts[0] === "transactions" && parts[1]) {
      const transaction = transactions.get(decodeURIComponent(parts[1]));
      if (!transaction) return send(res, 404, { error: "unknown merchantOrderId" });
      if (req.method === "GET") return send(res, 200, transaction);
      if (req.method === "POST") {
        // Sets the status Duitku reports without a callback, for reconciliation tests.
        const body = JSON.parse((await readBody(req)) || "{}");
        if (!["00", "01", "02"].includes(body.statusCode))
          return send(res, 400, { error: "statusCode must be 00, 01 or 02" });
        transaction.statusCode = body.statusCode;
        if (body.callback) await deliverCallback(transaction, body.statusCode === "00" ? "00" : "01", body.amount);
        return send(res, 200, transaction);
      }
    }
    if (req.method === "POST" && parts[0] === "faults") {
      const body = JSON.parse((await readBody(req)) || "{}");
      if (!["createInvoice", "transactionStatus"].includes(body.endpoint) || !["error", "hang"].includes(body.mode)) {
        return send(res, 400, { error: "endpoint must be createInvoice or transactionStatus; mode error or hang" });
      }
      faults.set(body.endpoint, { mode: body.mode, remaining: Number(body.count ?? 1) });
      return send(res, 200, { ok: true });
    }
    if (req.method === "DELETE" && parts[0] === "faults") {
      faults.clear();
      return send(res, 200, { ok: true });
    }
    return send(res, 404, { error: "unknown control route" });
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", publicUrl);
    try {
      if (req.method === "POST" && url.pathname === "/api/merchant/createInvoice") return await createInvoice(req, res);
      if (req.method === "POST" && url.pathname === "/api/merchant/transactionStatus")
        return await transactionStatus(req, res);
      if (url.pathname.startsWith("/__sim/")) return await control(req, res, url);

      const pay = url.pathname.match(/^\/pay\/([A-Za-z0-9]+)$/);
      if (pay && req.method === "GET") {
        const transaction = transactions.get(byReference.get(pay[1]));
        return transaction
          ? send(res, 200, paymentPage(transaction))
          : send(res, 404, "<p>Invoice tidak ditemukan / Invoice not found</p>");
      }
      if (pay && req.method === "POST") return await handlePayForm(req, res, pay[1]);
      if (url.pathname === "/health") return send(res, 200, { ok: true });
      return send(res, 404, { Message: "Not found" });
    } catch (error) {
      if (res.headersSent) return;
      const status = error.status ?? (error instanceof SyntaxError ? 400 : 500);
      duitkuError(res, status, status === 400 ? "Body is not valid JSON" : String(error.message ?? error));
    }
  });

  return { server, transactions, requests, faults };
}

/** Starts the simulator on `host:port`; `host` must be a loopback address. */
export async function startSimulator({ port, host = "127.0.0.1", merchantCode, apiKey, log }) {
  if (!LOOPBACK.has(host) && host !== "::1")
    throw new Error(`the Duitku simulator binds to loopback only, not ${host}`);
  const publicUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const simulator = createSimulator({ merchantCode, apiKey, publicUrl, log });
  await new Promise((resolve, reject) => {
    simulator.server.once("error", reject);
    simulator.server.listen(port, host, resolve);
  });
  const close = () =>
    new Promise((resolve) => {
      simulator.server.close(resolve);
      // Requests held open by a "hang" fault would otherwise keep the server alive.
      simulator.server.closeAllConnections();
    });
  return { ...simulator, url: publicUrl, close };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const port = Number(process.env.DUITKU_SIM_PORT ?? 8790);
  const simulator = await startSimulator({
    port,
    merchantCode: process.env.DUITKU_MERCHANT_CODE,
    apiKey: process.env.DUITKU_API_KEY,
  });
  console.log(`[duitku-sim] listening on ${simulator.url}`);
  const stop = () => simulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
