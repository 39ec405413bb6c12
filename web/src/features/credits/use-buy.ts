import { useMutation } from "@tanstack/react-query";
import { ApiError } from "../../api/client";
import { isPaymentUrl } from "./payment-url";
import { createPayment } from "./queries";

/**
 * Creates an order for a catalogue item and sends the browser to Duitku's payment page. The
 * mutation stays pending while the page unloads, so the buttons stay disabled.
 */
export function useBuy() {
  return useMutation({
    mutationFn: async (itemId: string) => {
      const payment = await createPayment(itemId);
      if (!isPaymentUrl(payment.paymentUrl)) {
        throw new ApiError(502, "invalid_response", "The payment address is not a web address");
      }
      window.location.assign(payment.paymentUrl);
      // Never resolves: the page is leaving.
      return new Promise<never>(() => {});
    },
  });
}
