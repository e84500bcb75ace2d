"""The site model: data/ and the pages, put together once per build and memoised.

Everything a macro, a check or a build step needs about the whole site (which sections teach which
skills, where each term is used, the questions, the progress model, the next page to read) is computed
here from plain settings, so any engine can build it: MkDocs hands its config to Settings.from_config,
and another engine reading the same mkdocs.yml can do the same.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studykit import bank_stats, coverage, data, decks, examguide, freshness, pages, practice, readiness, render
from studykit.dates import build_date

GLOSSARY_CALL = re.compile(r"""glossary_entries\(\s*(['"])([A-Z#]+|[A-Z][a-z]+)\1""")


@dataclass(frozen=True)
class Settings:
    """What the site model needs of the engine's configuration; hashable, so the model can be memoised."""

    project_dir: Path
    docs_dir: Path
    nav_json: str
    site_url: str = ""
    repo_url: str = ""
    site_description: str = ""
    directory_urls: bool = True
    redirects: tuple[tuple[str, str], ...] = ()

    @property
    def nav(self) -> Any:
        return json.loads(self.nav_json)

    @property
    def data_dir(self) -> Path:
        return self.project_dir / "data"

    @classmethod
    def from_config(cls, conf: Mapping[str, Any]) -> Settings:
        """From mkdocs.yml as MkDocs loads it, or as plain YAML (pages.load_mkdocs_config) plus
        config_file_path and docs_dir."""
        project = Path(conf["config_file_path"]).parent
        return cls(
            project_dir=project,
            docs_dir=Path(conf.get("docs_dir") or project / "docs"),
            nav_json=json.dumps(conf["nav"]),
            site_url=conf.get("site_url") or "",
            repo_url=conf.get("repo_url") or "",
            site_description=conf.get("site_description") or "",
            directory_urls=bool(conf.get("use_directory_urls", True)),
            redirects=tuple(redirect_maps(conf.get("plugins")).items()),
        )

    @classmethod
    def from_file(cls, config_file: Path) -> Settings:
        """From mkdocs.yml read as plain YAML (for tests and the command line)."""
        conf = pages.load_mkdocs_config(config_file)
        conf["config_file_path"] = str(config_file)
        conf["docs_dir"] = str(config_file.parent / conf.get("docs_dir", "docs"))
        return cls.from_config(conf)


def redirect_maps(plugins: Any) -> dict[str, str]:
    """The redirects plugin's map of old page -> new page, from MkDocs' plugin collection or plain YAML."""
    if isinstance(plugins, Mapping):
        plugin = plugins.get("redirects")
        return dict(plugin.config["redirect_maps"]) if plugin is not None else {}
    for item in plugins or []:
        if isinstance(item, Mapping) and "redirects" in item:
            return dict((item["redirects"] or {}).get("redirect_maps") or {})
    return {}


def fingerprint(settings: Settings) -> tuple[Any, ...]:
    """What the model is built from, so `serve` rebuilds it when a page or a data file changes."""
    files = [*settings.data_dir.rglob("*.yml"), *settings.docs_dir.rglob("*.md")]
    return (build_date(), *sorted((str(f), f.stat().st_mtime_ns) for f in files))


def load(settings: Settings) -> SiteModel:
    """The site model for these settings, built once for each state of the pages and data."""
    return _load(settings, fingerprint(settings))


@functools.lru_cache(maxsize=2)
def _load(settings: Settings, _state: tuple[Any, ...]) -> SiteModel:
    return SiteModel(settings)


class SiteModel:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.study = study = data.load_all(settings.data_dir)
        self.glossary, self.exams, self.changes = study.glossary, study.exams, study.changes
        self.current = study.current_exam
        self.directory_urls = settings.directory_urls

        self.source_pages = pages.read_pages(settings.docs_dir, settings.nav)
        self.notes_pages = [p for p in self.source_pages if p.is_notes]
        self.by_src = {p.src: p for p in self.source_pages}
        self.titles = {p.src: p.title for p in self.source_pages}
        self.changes_pages = render.ChangePages(
            (f.stem for f in (settings.data_dir / "changes").glob("*.yml")), set(self.by_src)
        )
        self.checked = {p.src: freshness.page_checked(p.meta, p.src) for p in self.notes_pages}

        # Glossary pages: each page lists the letters named in its glossary_entries("...") call.
        for page in self.source_pages:
            for match in GLOSSARY_CALL.finditer(page.markdown):
                for key in render.glossary_keys(match.group(2)):
                    self.glossary.pages[key] = page.src

        # Which sections teach which skills; pages that map no exam are not notes pages.
        self.taught_by_page = {p.src: pages.page_covers(p, self.exams) for p in self.notes_pages}
        self.taught = [t for ts in self.taught_by_page.values() for t in ts]
        self.taught_by_section: dict[str, list[pages.Taught]] = {}
        for t in self.taught:
            self.taught_by_section.setdefault(f"{t.page.src}#{t.anchor}", []).append(t)
        self.mapped_exams = [code for code, e in self.exams.items() if e.mock]
        self.coverage_pages = {code: f"review/coverage-{code.lower()}.md" for code in self.mapped_exams}
        self.removed_by_page = {p.src: pages.page_removed(p, self.current) for p in self.notes_pages}

        self.usage: dict[str, list[tuple[str, str]]] = {}
        for page in self.notes_pages:
            for name in dict.fromkeys(pages.term_names_used(page.markdown)):
                entry = self.glossary.lookup(name)
                if entry and (page.title, page.src) not in self.usage.setdefault(entry.anchor, []):
                    self.usage[entry.anchor].append((page.title, page.src))

        self.questions = practice.scenario_questions(study.decisions, self.taught_by_section, self.taught_by_page)
        self.questions += practice.bank_questions(study.questions, self.titles)

    # ------------------------------------------------------------------ derived, on first use

    @functools.cached_property
    def section_marks(self) -> dict[str, dict[str, str]]:
        """Notes page -> heading anchor -> the "New in MLA-C02" or "dropped" mark under it."""
        return {
            p.src: coverage.section_marks(self.current, self.taught_by_page[p.src], self.removed_by_page[p.src], p.src)
            for p in self.notes_pages
        }

    @functools.cached_property
    def bank_figures(self) -> bank_stats.BankFigures:
        return bank_stats.bank_figures(self.study.questions, self.current)

    @functools.cached_property
    def progress(self) -> dict[str, Any]:
        study_pages = [
            (p.src[:-3], p.title,
             {code: practice.page_domains(self.taught_by_page[p.src], self.exams[code]) for code in self.mapped_exams})
            for p in self.notes_pages
        ]
        return practice.progress_data({c: self.exams[c] for c in self.mapped_exams}, study_pages, self.questions)

    @functools.cached_property
    def abbreviation_definitions(self) -> str:
        return render.abbreviations(self.glossary)

    @functools.cached_property
    def next_notes(self) -> dict[str, tuple[str, str] | None]:
        """For each notes page, the next notes page in reading order (title and relative link)."""
        result: dict[str, tuple[str, str] | None] = {}
        for page, nxt in zip(self.notes_pages, [*self.notes_pages[1:], None]):
            result[page.src] = (nxt.title, practice.href(nxt.src, page.src, self.directory_urls)) if nxt else None
        return result

    @functools.cached_property
    def nav_tasks(self) -> dict[str, list[str]]:
        """Task code -> the pages the nav lists under it."""
        return pages.nav_tasks(self.settings.nav, self.current)

    @functools.cached_property
    def moved_pages(self) -> dict[str, str]:
        """Old page id -> new page id, from the redirects of the pages that moved (docs/assets/js/reader/moved-pages.js keeps studied marks)."""
        return {old[:-3]: new[:-3] for old, new in self.settings.redirects}

    @functools.cached_property
    def search_terms(self) -> list[dict[str, Any]]:
        return practice.search_terms(self.glossary, self.usage, self.directory_urls)

    @functools.cached_property
    def practice_assets(self) -> dict[str, Any]:
        """The JSON files the practice pages load on demand (so the pages themselves stay light)."""
        section_labels = {f"{p.src}#{anchor}": readiness.section_label(p.title, heading)
                          for p in self.notes_pages for anchor, heading in p.sections.items()}
        return {
            "readiness.json": readiness.readiness_json(self.questions, self.current, self.glossary, section_labels,
                                                       self.directory_urls),
            "bank.json": practice.bank_json(self.questions, self.exams, self.directory_urls),
            "glossary.json": practice.glossary_json(self.glossary, self.glossary.page_of, self.directory_urls),
        }

    @functools.cached_property
    def glossary_hrefs(self) -> dict[str, str]:
        """Term name -> address of its entry from the site root."""
        return {e["term"]: e["href"] for e in self.practice_assets["glossary.json"]}

    @functools.cached_property
    def decks(self) -> list[decks.Deck]:
        return decks.all_decks(self.glossary, self.study.questions, self.published)

    def published(self, target: str) -> str:
        """The public address of a docs page (and anchor)."""
        path, _, anchor = target.partition("#")
        return freshness.page_url(self.settings.site_url, path, self.directory_urls) + (f"#{anchor}" if anchor else "")

    def task_pages(self, task: str) -> list[pages.SourcePage]:
        """The notes pages the nav lists under one task of the current exam."""
        return [self.by_src[src] for src in self.nav_tasks.get(task, []) if self.by_src[src].is_notes]

    def page_markdown(self, src: str, markdown: str) -> str:
        """A page's Markdown before rendering: the marks under the headings of notes pages."""
        marks = self.section_marks.get(src)
        return pages.insert_after_headings(markdown, marks) if marks else markdown

    def page_tail(self, src: str) -> str:
        """What every page gets after its own Markdown: the study control (notes pages) and the
        abbreviation definitions from the glossary."""
        nxt = self.next_notes
        study = "\n\n" + examguide.study_next(src[:-3], nxt[src]) if src in nxt else ""
        return study + "\n\n" + self.abbreviation_definitions
