"""Lighthouse scores and page weights for every page in the nav, plus the 404 page.

Usage: .venv/bin/python scripts/audit.py [SITE_DIR] [--jobs N] [--only PATH ...]

Serves SITE_DIR with gzip on 127.0.0.1 under the path of `site_url` (as GitHub Pages
does, so the 404 page's absolute links work), installs Lighthouse 12.2.3 into
.cache/lighthouse on first use, runs its mobile preset on each page and prints one row per
page: the four category scores, the bytes transferred and the audits that failed. Performance is
the median of --runs runs (default 3), as a single Lighthouse run on a busy machine varies.
Exits 1 when performance is below 0.95, another category below 1.00, or a page is over 100 KiB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from studykit.pages import load_mkdocs_config, nav_sources, page_url
from studykit.tools.browser import LAUNCH_ARGS, chromium_path
from studykit.tools.site_server import serve, site_prefix

ROOT = Path(__file__).resolve().parents[1]

LIGHTHOUSE_VERSION = "12.2.3"
LIGHTHOUSE_DIR = ROOT / ".cache" / "lighthouse"
LIGHTHOUSE_CLI = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
REPORTS_DIR = LIGHTHOUSE_DIR / "reports"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
KIB = 1024
BUDGET = 100 * KIB
MIN_SCORES = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


# --------------------------------------------------------------------------- pages


def page_paths(config: dict) -> list[str]:
    """Every nav page as a path relative to the site root, then the 404 page."""
    return [page_url(src) for src in nav_sources(config["nav"])] + ["404.html"]


def ensure_lighthouse() -> None:
    if LIGHTHOUSE_CLI.is_file():
        return
    print(f"Installing Lighthouse {LIGHTHOUSE_VERSION} into {LIGHTHOUSE_DIR.relative_to(ROOT)} ...", flush=True)
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["npm", "i", "-E", "--no-audit", "--no-fund", f"lighthouse@{LIGHTHOUSE_VERSION}"],
        cwd=LIGHTHOUSE_DIR,
        env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},
        check=True,
    )


def run_lighthouse(url: str, out: Path, chrome: str) -> dict:
    flags = " ".join(["--headless", *LAUNCH_ARGS])
    cmd = [
        "node", str(LIGHTHOUSE_CLI), url,
        "--quiet", "--output=json", f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={flags}",
    ]
    subprocess.run(cmd, env={**os.environ, "CHROME_PATH": chrome}, check=True, timeout=240,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return json.loads(out.read_text(encoding="utf-8"))


def summarize(path: str, report: dict) -> dict:
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    failing = []
    for cat in CATEGORIES:
        for ref in report["categories"][cat]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings") and audit.get("score") is not None:
                if audit["score"] < 1 and (ref.get("weight", 0) > 0 or audit["scoreDisplayMode"] == "binary"):
                    if ref["id"] not in failing:
                        failing.append(ref["id"])
    requests = report["audits"]["network-requests"]["details"]["items"]
    transferred = sum(item.get("transferSize", 0) for item in requests)
    return {"path": path, "scores": scores, "bytes": transferred, "budget": BUDGET, "failing": failing,
            "search": any("search_index.json" in item["url"] for item in requests)}


def fmt(score: float | None) -> str:
    return " n/a" if score is None else f"{score:.2f}"


def write_summary(results: list[dict], runs: int) -> None:
    """The table as Markdown in a GitHub Actions job summary, when running there."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    lines = [f"### Lighthouse, mobile (performance: median of {runs})", "",
             "| Page | Perf | A11y | Best | SEO | KiB |", "|---|---|---|---|---|---|"]
    for r in results:
        if "error" in r:
            lines.append(f"| /{r['path']} | error | | | | |")
            continue
        s = r["scores"]
        cells = [fmt(s[c]).strip() + (" ⚠" if s[c] is not None and s[c] < MIN_SCORES[c] else "") for c in CATEGORIES]
        kib = f"{r['bytes'] / KIB:.1f}" + (" ⚠" if r["bytes"] > r["budget"] else "")
        lines.append(f"| /{r['path']} | " + " | ".join(cells) + f" | {kib} |")
    with open(target, "a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score; it keeps its other scores, bytes and failing audits."""
    done = sorted((r for r in runs if "error" not in r), key=lambda r: r["scores"]["performance"] or 0)
    if not done:
        return runs[0]
    best = dict(done[len(done) // 2])
    best["perf_runs"] = [r["scores"]["performance"] for r in done]
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", default="site", help="the built site folder (default: site)")
    parser.add_argument("--jobs", type=int, default=1, help="Lighthouse runs at once (default 1, the steadiest)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; performance is their median (default 3)")
    parser.add_argument("--only", nargs="*", default=None, help="page paths to audit, for example glossary/")
    args = parser.parse_args()

    site = Path(args.site).resolve()
    if not (site / "index.html").is_file():
        print(f"{site} has no index.html: build the site first (make build).", file=sys.stderr)
        return 2
    chrome = os.environ.get("CHROME_PATH") or chromium_path()
    if not chrome:
        print("No Chromium found: run `make browser` or set CHROME_PATH.", file=sys.stderr)
        return 2
    ensure_lighthouse()
    config = load_mkdocs_config(ROOT / "mkdocs.yml")
    prefix = site_prefix(config)
    paths = page_paths(config) if args.only is None else args.only
    REPORTS_DIR.mkdir(parents=True, exist_ok=True)
    server, base = serve(site, prefix)

    def audit(job: tuple[str, int]) -> dict:
        path, run = job
        name = (path.strip("/").replace("/", "__") or "home") + f".{run}.json"
        try:
            return summarize(path, run_lighthouse(base + path, REPORTS_DIR / name, chrome))
        except (subprocess.SubprocessError, OSError, KeyError, ValueError) as err:
            detail = getattr(err, "stderr", b"") or b""
            return {"path": path, "error": f"{err} {detail.decode(errors='replace')[-300:]}".strip()}

    try:
        jobs = [(path, run) for run in range(max(1, args.runs)) for path in paths]
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            runs = list(pool.map(audit, jobs))
    finally:
        server.shutdown()
    results = [median_run([r for r in runs if r["path"] == path]) for path in paths]

    write_summary(results, args.runs)
    ok = True
    width = max(len(p or "/") for p in paths) + 1
    print(f"{'page':<{width}} perf  a11y  best  seo   KiB(gz)  perf runs       failing audits")
    for r in results:
        name = r["path"] or "/"
        if "error" in r:
            ok = False
            print(f"{name:<{width}} ERROR {r['error']}")
            continue
        s = r["scores"]
        low = any(s[c] is None or s[c] < MIN_SCORES[c] for c in CATEGORIES)
        heavy = r["bytes"] > r["budget"]
        ok = ok and not low and not heavy
        kib = f"{r['bytes'] / KIB:6.1f}{'!' if heavy else ' '}"
        scores = "  ".join(fmt(s[c]) + ("!" if s[c] is not None and s[c] < MIN_SCORES[c] else " ")[:1] for c in CATEGORIES)
        spread = " ".join(fmt(p).strip() for p in r.get("perf_runs", []))
        print(f"{name:<{width}} {scores}  {kib}  {spread:<15} {' '.join(r['failing']) or '-'}")
    print(f"\nBudget: {BUDGET // KIB} KiB a page (! = over). Minimum: performance 0.95 (median of {args.runs}), "
          f"others 1.00. JSON reports in {REPORTS_DIR.relative_to(ROOT)}/.")
    print("Every page meets the bar." if ok else "Some pages fall short: see the rows marked !.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
