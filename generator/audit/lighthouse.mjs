// Runs Lighthouse over the pages named on the command line with one
// headless chromium, and prints, as one JSON line per page, the four
// category scores and the audits that did not pass.
//
//   node lighthouse.mjs NODE_MODULES_DIR CHROME_PATH URL...
import { pathToFileURL } from "node:url";
import path from "node:path";

const [modules, chromePath, ...urls] = process.argv.slice(2);
const load = (p) => import(pathToFileURL(path.join(modules, p)).href);
const { default: lighthouse } = await load("lighthouse/core/index.js");
const chromeLauncher = await load("chrome-launcher/dist/index.js");

const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  for (const url of urls) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    const lhr = result.lhr;
    const scores = {};
    const failed = [];
    for (const [id, cat] of Object.entries(lhr.categories)) {
      scores[id] = Math.round(cat.score * 100);
      for (const ref of cat.auditRefs) {
        const a = lhr.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) {
          failed.push(`${id}/${a.id} (${a.score}): ${a.title}${a.displayValue ? " — " + a.displayValue : ""}`);
        }
      }
    }
    const errors = lhr.runtimeError ? [lhr.runtimeError.message] : [];
    const metrics = {
      fcp: lhr.audits["first-contentful-paint"]?.numericValue,
      lcp: lhr.audits["largest-contentful-paint"]?.numericValue,
      cls: lhr.audits["cumulative-layout-shift"]?.numericValue,
      bytes: lhr.audits["total-byte-weight"]?.numericValue,
    };
    console.log(JSON.stringify({ url, scores, failed, errors, metrics }));
  }
} finally {
  await chrome.kill();
}
