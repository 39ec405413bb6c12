import { tanstackRouter } from "@tanstack/router-plugin/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The dev server proxies the API so that the browser talks to one origin and the session cookie
// needs no cross-origin setup. A deployed app on another origin sets VITE_API_BASE_URL instead.
const API_ORIGIN = "http://127.0.0.1:8787";

export default defineConfig({
  plugins: [tanstackRouter({ target: "react", autoCodeSplitting: true }), react()],
  server: {
    host: "127.0.0.1",
    port: 5173,
    strictPort: true,
    proxy: {
      "/api": { target: API_ORIGIN },
      "/health": { target: API_ORIGIN },
    },
  },
  build: {
    target: "es2022",
  },
});
