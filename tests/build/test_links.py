"""Every internal link of the built site works: each href that stays on the site, raw HTML included,
reaches a file, and each #fragment names an id on the page it reaches. MkDocs' strict build checks the
Markdown links of the sources; this walks what readers get, so links written as HTML or made by a
macro or a template are checked too."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from conftest import parsed

SKIPPED_SCHEMES = ("mailto:", "javascript:", "data:", "tel:")


def page_address(site_dir: Path, file: Path, base: str) -> str:
    rel = file.relative_to(site_dir).as_posix()
    return urljoin(base, rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def target_file(site_dir: Path, url: str, base: str) -> Path | None:
    path = unquote(urlparse(url).path)
    prefix = urlparse(base).path
    if not path.startswith(prefix):
        return None
    file = site_dir / path[len(prefix):]
    if file.is_dir() or path.endswith("/"):
        file = file / "index.html"
    return file if file.is_file() else None


def broken_links(site_dir: Path, base: str) -> list[str]:
    host = urlparse(base).netloc
    ids: dict[Path, set[str]] = {}
    problems = []
    pages = sorted(p for p in site_dir.rglob("*.html") if "assets" not in p.relative_to(site_dir).parts)
    for file in pages:
        soup = parsed(file)
        here = page_address(site_dir, file, base)
        for tag in soup.select("a[href], link[href][rel~=prev], link[href][rel~=next]"):
            href = tag["href"].strip()
            if not href or href.startswith(SKIPPED_SCHEMES):
                continue
            url = urljoin(here, href)
            parts = urlparse(url)
            if parts.netloc != host:
                continue
            target = target_file(site_dir, url, base)
            name = file.relative_to(site_dir).as_posix()
            if target is None:
                problems.append(f"{name}: link '{href}' reaches no file (nothing at {parts.path})")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = {el["id"] for el in parsed(target).select("[id]")} | {
                        el["name"] for el in parsed(target).select("a[name]")}
                if unquote(parts.fragment) not in ids[target]:
                    problems.append(f"{name}: link '{href}' reaches {target.relative_to(site_dir).as_posix()}, "
                                    f"which has no id '{unquote(parts.fragment)}'")
    return problems


SITE = "https://example.org/notes/"


def test_every_internal_link_and_anchor_of_the_built_site_resolves(site_dir: Path) -> None:
    from studykit.pages import load_mkdocs_config

    base = load_mkdocs_config(Path(__file__).parents[2] / "mkdocs.yml")["site_url"]
    problems = broken_links(site_dir, base)
    assert not problems, f"{len(problems)} broken links; fix the source that makes each:\n" + "\n".join(problems[:40])


def test_the_link_check_names_a_missing_page_and_a_missing_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/#here">ok</a> <a href="a/#gone">x</a> <a href="b.md">y</a>'
                                         '<a href="https://other.example/">out</a>', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">Here</h2><a href="../#top">t</a>', encoding="utf-8")
    problems = broken_links(tmp_path, SITE)
    assert problems == [
        "a/index.html: link '../#top' reaches index.html, which has no id 'top'",
        "index.html: link 'a/#gone' reaches a/index.html, which has no id 'gone'",
        "index.html: link 'b.md' reaches no file (nothing at /notes/b.md)",
    ]
