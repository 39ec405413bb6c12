import type { TestProject } from "vitest/node";
// @ts-expect-error The simulator is plain JavaScript run by Node; it has no type declarations.
import { startSimulator } from "../dev/duitku-simulator/server.mjs";

/**
 * Starts the local Duitku simulator on a free 127.0.0.1 port for the whole run, so payment tests
 * exercise the real Duitku client against Duitku's protocol and never reach a real host. The
 * Worker gets the address as DUITKU_BASE_URL through `TEST_DUITKU_URL`, which vitest.config.ts
 * reads when the pool starts; tests reach the simulator's control routes with
 * `inject("duitkuSimulatorUrl")`. A free port rather than a fixed one lets two test runs share
 * the machine.
 */

// Must equal DUITKU_MERCHANT_CODE and DUITKU_API_KEY in vitest.config.ts.
export const TEST_DUITKU_MERCHANT_CODE = "DSIMTEST";
export const TEST_DUITKU_API_KEY = "test-duitku-api-key-0123456789abcdef";

declare module "vitest" {
  export interface ProvidedContext {
    duitkuSimulatorUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const simulator = await startSimulator({
    port: 0,
    merchantCode: TEST_DUITKU_MERCHANT_CODE,
    apiKey: TEST_DUITKU_API_KEY,
    log: () => {},
  });
  const { port } = simulator.server.address();
  const url = `http://127.0.0.1:${port}`;
  process.env.TEST_DUITKU_URL = url;
  project.provide("duitkuSimulatorUrl", url);
  return () => simulator.close();
}
