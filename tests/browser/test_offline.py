"""The site offline, as a learner on a train uses it: one visit with the network, then the server is
gone, and a notes page never opened, the glossary, the quiz and the flashcards still load and work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def manifest_of(site_dir: Path) -> dict:
    return json.loads((site_dir / "manifest.webmanifest").read_text(encoding="utf-8"))


def test_the_manifest_makes_the_site_installable(site_dir: Path) -> None:
    manifest = manifest_of(site_dir)
    assert manifest["start_url"] == "./" and manifest["scope"] == "./" and manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"] if icon["type"] == "image/png"}
    assert {"192x192", "512x512"} <= sizes
    assert all((site_dir / icon["src"]).is_file() for icon in manifest["icons"])
    worker = (site_dir / "sw.js").read_text(encoding="utf-8")
    assert "__CORE__" not in worker and "__REST__" not in worker and '"./"' in worker


@pytest.mark.long
def test_after_one_visit_the_site_works_with_no_network(browser, site_dir: Path) -> None:
    from studykit.tools.site_server import serve, site_prefix
    from studykit.pages import load_mkdocs_config

    server, url = serve(site_dir, site_prefix(load_mkdocs_config(Path(__file__).parents[2] / "mkdocs.yml")))
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(url, wait_until="load")
        page.mouse.click(5, 300)  # the reader acts on the page, so the offline copy starts at once
        page.wait_for_function("document.documentElement.dataset.offline === 'ready'", timeout=60_000)
        server.shutdown()
        server.server_close()
        # Only the service worker's own copy may answer now, not the browser's HTTP cache.
        context.new_cdp_session(page).send("Network.clearBrowserCache")

        page.goto(url + "domain-2-model-development/evaluation/")
        assert page.locator("h1").inner_text().startswith("Evaluating ML models")
        assert page.locator("p.facts-checked").is_visible()

        page.goto(url + "glossary/s/")
        assert page.locator("article h3[id]").count() > 20

        page.goto(url + "practice/quiz/")
        page.get_by_role("button", name="Start the quiz").click()
        page.locator(".quiz-counter").wait_for()
        page.keyboard.press("1")
        page.keyboard.press("Enter")
        page.locator(".quiz-verdict").wait_for()

        page.goto(url + "practice/flashcards/")
        page.locator(".flashcard-summary").wait_for()
        page.keyboard.press("Enter")
        page.locator(".flashcard-face").wait_for()
        assert page.locator(".flashcard-face").inner_text().strip()
        assert not errors, errors
    finally:
        context.close()
        server.shutdown()


@pytest.mark.long
def test_a_new_deploy_is_offered_as_a_reload_and_then_served_whole(browser, site_dir: Path, tmp_path: Path) -> None:
    import shutil

    from studykit.tools.site_server import serve, site_prefix
    from studykit.pages import load_mkdocs_config

    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    server, url = serve(site, site_prefix(load_mkdocs_config(Path(__file__).parents[2] / "mkdocs.yml")))
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url + "glossary/", wait_until="load")
        page.keyboard.press("End")
        page.wait_for_function("document.documentElement.dataset.offline === 'ready'", timeout=60_000)

        # A deploy: a page changes, and with it the worker's version.
        glossary = site / "glossary" / "index.html"
        glossary.write_text(glossary.read_text(encoding="utf-8").replace("</h1>", " (new edition)</h1>", 1), encoding="utf-8")
        worker = site / "sw.js"
        worker.write_text(worker.read_text(encoding="utf-8").replace('VERSION="', 'VERSION="new-', 1), encoding="utf-8")
        server.RequestHandlerClass.func.cache.clear()
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")

        notice = page.locator(".update-notice")
        notice.wait_for(timeout=30_000)
        assert "updated" in notice.inner_text() and "(new edition)" not in page.locator("h1").inner_text()
        with page.expect_navigation():
            notice.get_by_role("button", name="Reload").click()
        assert "(new edition)" in page.locator("h1").inner_text()
        assert page.evaluate("caches.keys()") == [page.evaluate("caches.keys()")[0]], "the old version's cache is gone"
    finally:
        context.close()
        server.shutdown()
