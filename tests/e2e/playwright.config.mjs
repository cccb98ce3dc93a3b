// Playwright against the release bundle in dist/, served on loopback, in
// Debian's Chromium (Playwright cannot download browsers here).
import { defineConfig } from "@playwright/test";

const PORT = 4173;

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.mjs/,
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  webServer: [
    {
      command: `node scripts/static-server.mjs --port ${PORT} --root .`,
      cwd: "../..",
      url: `http://127.0.0.1:${PORT}/dist/index.html`,
      reuseExistingServer: false,
    },
    {
      // The same files under script-src 'self' 'wasm-unsafe-eval'; style-src 'self'.
      command: `node scripts/static-server.mjs --port ${PORT + 1} --root . --csp`,
      cwd: "../..",
      url: `http://127.0.0.1:${PORT + 1}/examples/plain-script.html`,
      reuseExistingServer: false,
    },
  ],
});
