"""Lighthouse scores and page weights for every page in the nav, plus the 404 page; or, side by side,
what the site's own scripts and styles cost a few pages.

Usage: .venv/bin/python scripts/audit.py [SITE_DIR] [--jobs N] [--runs N] [--only PATH ...]
       .venv/bin/python scripts/audit.py [SITE_DIR] --side-by-side [--runs N] [--only PATH ...] [--seed GLOB]

Serves SITE_DIR with gzip on 127.0.0.1 under the path of `site_url` (as GitHub Pages
does, so the 404 page's absolute links work), installs Lighthouse 12.2.3 into
.cache/lighthouse on first use, runs its mobile preset on each page and prints one row per
page: the four category scores, the bytes transferred and the audits that failed. Performance is
the median of --runs runs (default 3), as a single Lighthouse run on a busy machine varies.
Exits 1 when performance is below 0.95, another category below 1.00, or a page is over 100 KiB.

--side-by-side compares three variants of each page (default: seven pages of every kind), in turn run
after run, so that a busy machine slows all three alike: the page as built; the same page without the
site's own stylesheets (assets/css/), scripts (assets/js/) and the inline scripts of overrides/main.html;
and a page of as many words on a plain Material site (no hooks, macros or extra assets), whose text comes
from the seed notes (--seed, default ../shared/seed/*.txt beside the repository) or else from the page.
It prints the medians of total blocking time (TBT) and performance for each, and the site's own cost:
TBT(as built) - TBT(without), perf(without) - perf(as built). Exits 1 when that cost is over 50 ms of
TBT or 0.02 of performance on a page. It also prints the length of the theme's start-up task (the one
that handles DOMContentLoaded) and marks each run in which that task held no layout, which Lighthouse
then counts at twice the weight.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from studykit.pages import load_mkdocs_config, nav_sources, page_url
from studykit.tools.browser import LAUNCH_ARGS, chromium_path
from studykit.tools.site_server import serve, site_prefix
from studykit.tools.traces import StartupTask, dom_content_loaded_task

import variants

ROOT = Path(__file__).resolve().parents[1]

LIGHTHOUSE_VERSION = "12.2.3"
LIGHTHOUSE_DIR = ROOT / ".cache" / "lighthouse"
LIGHTHOUSE_CLI = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
REPORTS_DIR = LIGHTHOUSE_DIR / "reports"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
KIB = 1024
BUDGET = 100 * KIB
MIN_SCORES = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
ALL_CATEGORIES = (f"--only-categories={','.join(CATEGORIES)}",)

# Side by side: a spread of page kinds (notes, glossary, review tables, practice apps), and the bar.
SIDE_PAGES = ["", "domain-2-model-development/choosing-a-model/", "glossary/c/", "review/coverage-mla-c02/",
              "practice/questions/mla-c02-1-1/", "practice/quiz/", "review/whats-changed/"]
VARIANTS = ("built", "stripped", "plain")
LABELS = {"built": "as built", "stripped": "without own scripts/styles", "plain": "plain Material"}
MAX_OWN_TBT = 50  # ms
MAX_OWN_PERF = 0.02
# Lighthouse's default simulated throttling (lantern) rather than --throttling-method=devtools: on this
# 2-core shared machine, 5 runs of two pages as built and stripped strayed from their median TBT by a
# median 8-79 ms with lantern against 32-190 ms with devtools, whose real 4x CPU slowdown also slows
# the neighbours' load 4x; and a lantern run takes 7 s against 21 s. Beware one lantern bias: it scales
# a main-thread task by 4, but by 2 when the task holds any layout, so a 1 ms layout can halve a task.
# The runs keep their traces (--save-assets) just long enough to print where that bias struck
# (studykit/tools/traces.py).
SIDE_OPTIONS = ("--only-categories=performance", "--save-assets")


# --------------------------------------------------------------------------- pages


def page_paths(config: dict) -> list[str]:
    """Every nav page as a path relative to the site root, then the 404 page."""
    return [page_url(src) for src in nav_sources(config["nav"])] + ["404.html"]


def report_name(path: str) -> str:
    return path.strip("/").replace("/", "__") or "home"


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


def run_lighthouse(url: str, out: Path, chrome: str, options: tuple[str, ...] = ALL_CATEGORIES) -> dict:
    flags = " ".join(["--headless", *LAUNCH_ARGS])
    cmd = [
        "node", str(LIGHTHOUSE_CLI), url,
        "--quiet", "--output=json", f"--output-path={out}",
        *options,
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


# --------------------------------------------------------------------------- side by side


def side_by_side(site: Path, prefix: str, chrome: str, paths: list[str], runs: int, jobs: int, seed: str) -> int:
    """Each page as built, without the site's own scripts and styles, and as a plain Material page of the same
    length, run after run in turn so that a busy spell of the machine hits all three alike."""
    missing = [p for p in paths if not variants.page_file(site, p).is_file()]
    if missing:
        print(f"Not in {site}: {', '.join(p or '/' for p in missing)}", file=sys.stderr)
        return 2
    seeds = variants.find_seed(seed)
    seed_blocks = variants.seed_blocks("\n\n".join(f.read_text(encoding="utf-8") for f in seeds))
    print(f"Plain pages: text from {', '.join(str(f) for f in seeds)}" if seeds else
          f"No seed notes at {seed}: each plain page takes the built page's own article text.")
    out = REPORTS_DIR / "side-by-side"
    out.mkdir(parents=True, exist_ok=True)
    marks = variants.own_inline_scripts()
    with tempfile.TemporaryDirectory(prefix="audit-") as tmp:
        copy = Path(tmp) / "site"
        shutil.copytree(site, copy)
        urls, article, plain_text = {}, {}, {}
        for path in paths:
            page = variants.page_file(copy, path)
            html = page.read_text(encoding="utf-8")
            # Beside the original, so that its relative links still work.
            stripped = page.with_name(f"{page.stem}.stripped.html")
            stripped.write_text(variants.strip_own_assets(html, marks), encoding="utf-8")
            blocks = variants.article_blocks(html)
            article[path] = variants.article_words(html)
            slug = report_name(path).replace(".", "-")  # 404.html would clash with the plain site's own
            plain_text[slug] = variants.markdown(blocks[0][1], seed_blocks or blocks[1:], article[path])
            urls[path] = {"built": path, "stripped": stripped.relative_to(copy).as_posix(), "plain": slug + "/"}
        plain = variants.build_plain_site(Path(tmp) / "plain", plain_text)
        plain_words = {p: variants.article_words((plain / urls[p]["plain"] / "index.html").read_text(encoding="utf-8"))
                       for p in paths}
        server, base = serve(copy, prefix)
        plain_server, plain_base = serve(plain, "/")

        def measure(job: tuple[str, str, int]) -> tuple[str, str, dict | None]:
            path, variant, run = job
            url = (plain_base if variant == "plain" else base) + urls[path][variant]
            try:
                target = out / f"{report_name(path)}.{variant}.{run}.json"
                report = run_lighthouse(url, target, chrome, SIDE_OPTIONS)
                return path, variant, {"tbt": report["audits"]["total-blocking-time"]["numericValue"],
                                       "perf": report["categories"]["performance"]["score"],
                                       "startup": startup_task(target)}
            except (subprocess.SubprocessError, OSError, KeyError, ValueError) as err:
                print(f"/{path} {variant}, run {run}: {err}", file=sys.stderr)
                return path, variant, None

        try:
            # Run 0 warms up Chromium, the disk cache and the server's gzip of the shared files; it does not count.
            jobs_list = [(paths[0], v, 0) for v in VARIANTS]
            jobs_list += [(p, v, r) for r in range(1, max(1, runs) + 1) for p in paths for v in VARIANTS]
            with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
                measured = list(pool.map(measure, jobs_list))[len(VARIANTS):]
        finally:
            server.shutdown()
            plain_server.shutdown()

    rows, ok = [], True
    for path in paths:
        got = {v: [m for p, var, m in measured if p == path and var == v and m] for v in VARIANTS}
        if not all(got.values()):
            ok = False
            print(f"\n/{path}: no result for {', '.join(v for v in VARIANTS if not got[v])}")
            continue
        tbt = {v: statistics.median(m["tbt"] for m in got[v]) for v in VARIANTS}
        perf = {v: statistics.median(m["perf"] for m in got[v]) for v in VARIANTS}
        own_tbt, own_perf = tbt["built"] - tbt["stripped"], round(perf["stripped"] - perf["built"], 2)
        passed = own_tbt <= MAX_OWN_TBT and own_perf <= MAX_OWN_PERF
        ok = ok and passed
        ratio = {v: f"{tbt[v] / tbt['plain']:.2f}" if tbt["plain"] else "n/a" for v in ("built", "stripped")}
        rows.append((path, tbt, perf, own_tbt, own_perf, ratio, passed))
        near = abs(plain_words[path] - article[path]) <= article[path] / 10
        print(f"\n/{path}  (article {article[path]} words, plain page {plain_words[path]}"
              + ("" if near else ", not within 10%") + ")")
        print(f"  {'variant':<28} TBT ms  perf  {'TBT runs (ms)':<24} perf runs")
        for v in VARIANTS:
            tbt_runs = " ".join(f"{m['tbt']:.0f}{'*' if bare_startup(m['startup']) else ''}" for m in got[v])
            perf_runs = " ".join(fmt(m["perf"]) for m in got[v])
            print(f"  {LABELS[v]:<28} {tbt[v]:6.0f}  {perf[v]:.2f}  {tbt_runs:<24} {perf_runs}")
        print("  theme's start-up task (DOMContentLoaded), median: "
              + ", ".join(startup_median(LABELS[v], [m["startup"] for m in got[v]]) for v in VARIANTS))
        print("  * in that run it held no layout, so Lighthouse counted it x4 instead of x2")
        print(f"  own cost: TBT {own_tbt:+.0f} ms, perf {own_perf:+.2f}; TBT / plain: as built {ratio['built']}, "
              f"without own {ratio['stripped']}")
        print(f"  bar: TBT +{MAX_OWN_TBT} ms, perf +{MAX_OWN_PERF:.2f} -> " + ("meets it" if passed else "MISSES IT"))
    write_side_summary(rows, runs)
    print(f"\nMedians of {runs} runs. JSON reports in {out.relative_to(ROOT)}/.")
    print("Every page meets the bar." if ok else "Some pages miss the bar.")
    return 0 if ok else 1


def startup_task(report: Path) -> StartupTask | None:
    """The DOMContentLoaded task of the run's trace (--save-assets writes it beside the report), which is
    then deleted: each is some 15 MB."""
    assets = [report.with_name(report.stem + suffix) for suffix in ("-0.trace.json", "-0.devtoolslog.json")]
    try:
        return dom_content_loaded_task(json.loads(assets[0].read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None
    finally:
        for asset in assets:
            asset.unlink(missing_ok=True)


def bare_startup(task: StartupTask | None) -> bool:
    return task is not None and not task.has_layout


def startup_median(label: str, tasks: list[StartupTask | None]) -> str:
    found = [t.ms for t in tasks if t]
    return f"{label} {statistics.median(found):.0f} ms" if found else f"{label} n/a"


def write_side_summary(rows: list[tuple], runs: int) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    lines = [f"### Lighthouse side by side, mobile (median of {runs})", "",
             "| Page | TBT built | TBT without own | TBT plain | Perf built | Perf without own | Perf plain "
             "| Own TBT | Own perf | TBT built / plain | TBT without / plain | Bar |", "|---" * 12 + "|"]
    for path, tbt, perf, own_tbt, own_perf, ratio, passed in rows:
        lines.append(f"| /{path} | " + " | ".join(f"{tbt[v]:.0f}" for v in VARIANTS) + " | "
                     + " | ".join(f"{perf[v]:.2f}" for v in VARIANTS)
                     + f" | {own_tbt:+.0f} | {own_perf:+.2f} | {ratio['built']} | {ratio['stripped']}"
                     + f" | {'✓' if passed else '⚠ over'} |")
    with open(target, "a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", default="site", help="the built site folder (default: site)")
    parser.add_argument("--jobs", type=int, default=1, help="Lighthouse runs at once (default 1, the steadiest)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; performance is their median (default 3)")
    parser.add_argument("--only", nargs="*", default=None, help="page paths to audit, for example glossary/")
    parser.add_argument("--side-by-side", action="store_true",
                        help="compare pages as built, without the site's own scripts and styles, and plain Material")
    parser.add_argument("--seed", default="../shared/seed/*.txt",
                        help="side by side: the plain pages' text, a file or glob relative to the repository "
                             "(default ../shared/seed/*.txt; else each page's own text)")
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
    if args.side_by_side:
        return side_by_side(site, prefix, chrome, SIDE_PAGES if args.only is None else args.only,
                            args.runs, args.jobs, args.seed)
    paths = page_paths(config) if args.only is None else args.only
    REPORTS_DIR.mkdir(parents=True, exist_ok=True)
    server, base = serve(site, prefix)

    def audit(job: tuple[str, int]) -> dict:
        path, run = job
        name = f"{report_name(path)}.{run}.json"
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
