// Lighthouse on a list of addresses, in one Chromium (Debian's, from CHROME_PATH): each address
// `runs` times per form factor. Reads {"urls": [...], "runs": 3, "formFactors": [...],
// "chromeFlags": [...]} on stdin; writes one JSON line per run on stdout: the four category
// scores (0-100) and the audits that did not pass. bench/validators.py drives it.
import { readFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
// Shown for information, or not about this page: never a failure.
const NOT_SCORED = new Set(['notApplicable', 'informative', 'manual']);

// What a failing audit points at, in a few words: its explanation or its first items.
function detail(audit) {
  if (audit.explanation) return audit.explanation.slice(0, 200);
  const items = (audit.details && audit.details.items) || [];
  const shown = items.slice(0, 3).map(
    (item) =>
      item.url ||
      item.sourceLocation?.url ||
      (item.node && item.node.snippet) ||
      item.description ||
      '',
  );
  return shown.filter(Boolean).join(' | ').slice(0, 300);
}

function failing(lhr) {
  const ids = new Set();
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category].auditRefs) {
      // Hidden from Lighthouse's own report (experimental or summaries): not judged there.
      if (ref.group === 'hidden') continue;
      const audit = lhr.audits[ref.id];
      if (audit.scoreDisplayMode === 'error') {
        ids.add(`${ref.id} (error)`);
      } else if (!NOT_SCORED.has(audit.scoreDisplayMode) && audit.score !== null) {
        // Lighthouse's own "passed": 1 for a yes/no audit, 0.9 for a measured one.
        const threshold = audit.scoreDisplayMode === 'binary' ? 1 : 0.9;
        if (audit.score < threshold) ids.add(ref.id);
      }
    }
  }
  return [...ids].sort();
}

function details(lhr, ids) {
  const found = {};
  for (const id of ids) {
    const audit = lhr.audits[id.replace(' (error)', '')];
    found[id] = audit.scoreDisplayMode === 'error' ? (audit.errorMessage || '').slice(0, 200) : detail(audit);
  }
  return found;
}

const job = JSON.parse(readFileSync(0, 'utf8'));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: job.chromeFlags,
});
try {
  for (const url of job.urls) {
    for (const formFactor of job.formFactors) {
      for (let run = 0; run < job.runs; run++) {
        const flags = {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: CATEGORIES,
        };
        const config = formFactor === 'desktop' ? desktopConfig : undefined;
        const result = await lighthouse(url, flags, config);
        const lhr = result.lhr;
        const scores = {};
        for (const category of CATEGORIES) {
          const score = lhr.categories[category].score;
          scores[category] = score === null ? null : Math.round(score * 100);
        }
        process.stdout.write(
          JSON.stringify({
            url,
            formFactor,
            run,
            finalUrl: lhr.finalDisplayedUrl,
            runtimeError: lhr.runtimeError ? lhr.runtimeError.code : null,
            scores,
            failing: failing(lhr),
            details: details(lhr, failing(lhr)),
            lighthouse: lhr.lighthouseVersion,
            userAgent: lhr.environment.hostUserAgent,
          }) + '\n',
        );
      }
    }
  }
} finally {
  await chrome.kill();
}
