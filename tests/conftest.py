"""Shared fixtures: one strict build per run, a local HTTP server for it, and a headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from studykit.tools.browser import LAUNCH_ARGS, chromium_path

ROOT = Path(__file__).resolve().parents[1]


def strict_build(site_dir: Path) -> tuple[list[str], dict[str, str]]:
    """The command and environment of a strict build into `site_dir`, run in the project's folder."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    return command, {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run a strict build of `project` into `site_dir` and return the finished process."""
    command, env = strict_build(site_dir)
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300)


BUILD_DIR_VAR = "STUDY_SITE_BUILD"  # where the controller's background build writes the site
SITE_DIR_VAR = "STUDY_SITE_DIR"  # a site built already: use it as it is
BUILD_KEY = pytest.StashKey[subprocess.Popen]()


def needs_the_site(args: list[str]) -> bool:
    """Whether a run of these test paths may need the built site: any run but one of unit tests only."""
    units = ROOT / "tests" / "unit"
    return not args or any(not Path(arg.split("::")[0]).resolve().is_relative_to(units) for arg in args)


def pytest_configure(config: pytest.Config) -> None:
    """Start the strict build in the background as the run starts, in the controlling process only, so the
    tests that need no site (data, units, contributor mistakes) run while it builds. Test workers inherit
    the variable that says where it goes and wait for it when a test first needs the site."""
    if hasattr(config, "workerinput") or os.environ.get(SITE_DIR_VAR) or os.environ.get(BUILD_DIR_VAR):
        return
    if not needs_the_site(config.args):
        return
    out = ROOT / ".cache" / "test-site"
    shutil.rmtree(out, ignore_errors=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    for stale in (out.with_suffix(".rc"), out.with_suffix(".log")):
        stale.unlink(missing_ok=True)
    os.environ[BUILD_DIR_VAR] = str(out)
    log = out.with_suffix(".log").open("w", encoding="utf-8")
    command, env = strict_build(out)
    build = subprocess.Popen([*command, "--quiet"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)

    def record_exit() -> None:
        code = build.wait()
        log.close()
        rc = out.with_suffix(".rc")
        rc.with_suffix(".tmp").write_text(str(code), encoding="utf-8")
        rc.with_suffix(".tmp").replace(rc)  # whole or not at all: workers poll for it

    threading.Thread(target=record_exit, daemon=True).start()
    config.stash[BUILD_KEY] = build


def pytest_unconfigure(config: pytest.Config) -> None:
    build = config.stash.get(BUILD_KEY, None)
    if build is not None and build.poll() is None:
        build.terminate()  # a run that needed no site ended first


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that need no site run first, while it builds; then the long browser tests, so that the two
    workers finish together rather than one waiting for the other's last long test."""
    items.sort(key=lambda item: ("site_dir" in item.fixturenames, item.get_closest_marker("long") is None))


def wait_for_build(out: Path, timeout: float = 600) -> Path:
    rc = out.with_suffix(".rc")
    deadline = time.monotonic() + timeout
    while not rc.exists():
        if time.monotonic() > deadline:
            pytest.fail(f"The strict build into {out} did not finish in {timeout:.0f} s", pytrace=False)
        time.sleep(0.2)
    if rc.read_text(encoding="utf-8").strip() != "0":
        log = out.with_suffix(".log").read_text(encoding="utf-8")
        pytest.fail(f"Strict build failed:\n{log}", pytrace=False)
    return out


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per test run with the strict build and shared by the test workers: $STUDY_SITE_DIR
    if it names a built site, else the build this run started (see pytest_configure)."""
    given = os.environ.get(SITE_DIR_VAR)
    if given and (Path(given) / "index.html").is_file():
        return Path(given).resolve()
    building = os.environ.get(BUILD_DIR_VAR)
    if building:
        return wait_for_build(Path(building))
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    if result.returncode != 0:
        pytest.fail(f"Strict build failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return out


_PARSED: dict[Path, object] = {}


def parsed(path: Path):
    """A built page's HTML, parsed once per test run (lxml: the site has about a hundred pages)."""
    from bs4 import BeautifulSoup

    if path not in _PARSED:
        _PARSED[path] = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    return _PARSED[path]


@pytest.fixture(scope="session")
def built_pages(site_dir: Path) -> dict:
    """Every HTML page of the built site, parsed, by its path relative to the site root; not the pages
    that only redirect an old address to a page's new one (mkdocs-redirects writes them)."""
    files = sorted(p for p in site_dir.rglob("*.html") if "assets" not in p.relative_to(site_dir).parts)
    pages = {p.relative_to(site_dir): parsed(p) for p in files}
    return {path: soup for path, soup in pages.items() if not is_redirect(soup)}


def is_redirect(soup) -> bool:
    return soup.title is not None and soup.title.get_text() == "Redirecting..."


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1 under the path of site_url, as GitHub Pages serves it
    (search needs a web worker, which file:// lacks; the 404 page's links are absolute)."""
    from studykit.tools.site_server import serve, site_prefix
    from studykit.pages import load_mkdocs_config

    server, url = serve(site_dir, site_prefix(load_mkdocs_config(ROOT / "mkdocs.yml")))
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as pw:
        try:
            launched = pw.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        except Error as err:
            pytest.fail(
                "No Chromium for the browser tests. Run `make browser` (installs Debian's chromium as root, "
                f"or Playwright's), or set CHROMIUM to a Chrome binary.\n{err}",
                pytrace=False,
            )
        yield launched
        launched.close()


class PageWatch:
    """Console errors and requests to other hosts seen by one page."""

    def __init__(self, page: object, base_url: str) -> None:
        self.page = page
        self.errors: list[str] = []
        self.foreign: list[str] = []
        host = urlparse(base_url).netloc
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

        def on_request(request: object) -> None:
            parsed = urlparse(request.url)
            if parsed.scheme in ("http", "https", "ws", "wss") and parsed.netloc != host:
                self.foreign.append(request.url)

        page.on("request", on_request)


def forget(page: object) -> None:
    """Clear the site's storage (progress, palette, search), then close the tab."""
    if page.url.startswith("http"):
        page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    page.close()


@pytest.fixture(scope="session")
def context(browser: object) -> Iterator[object]:
    """One context for the tests of a worker, each in a new tab: a new context costs a new renderer
    process, about a second of CPU here. What a test leaves in storage goes with `forget`."""
    # The offline copy is tested on its own (tests/browser/test_offline.py): here a service worker
    # would cache the whole site behind every test's back.
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: object, base_url: str) -> Iterator[object]:
    page = context.new_page()
    page.watch = PageWatch(page, base_url)
    yield page
    forget(page)


@pytest.fixture(scope="session")
def nav_pages() -> list[str]:
    """Every page in the nav, as a URL path relative to the site root."""
    from studykit.pages import load_mkdocs_config, nav_sources, page_url

    return [page_url(src) for src in nav_sources(load_mkdocs_config(ROOT / "mkdocs.yml")["nav"])]


@pytest.fixture(scope="session")
def copy_project(tmp_path_factory: pytest.TempPathFactory):
    """Copy the project to a temp folder, so a test can break it and build it."""

    def make() -> Path:
        dest = tmp_path_factory.mktemp("project")
        for name in ("mkdocs.yml", "docs", "data", "hooks", "overrides"):
            src = ROOT / name
            if src.is_dir():
                shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(src, dest / name)
        return dest

    return make
