"""mkdocs-macros entry point: registers the page macros of hooks/studykit/page_macros.py.

The site model and its checks are built by studykit (hooks/mkdocs_adapter.py runs them as the build
starts); this module only hands the macros and the two Markdown steps to the macros plugin.
"""

from __future__ import annotations

from typing import Any

from studykit import pages, readiness, site
from studykit.errors import DataError
from studykit.page_macros import PageMacros


def model_of(env: Any) -> site.SiteModel:
    try:
        return site.load(site.Settings.from_config(env.conf))
    except DataError as err:
        from mkdocs.exceptions import PluginError

        raise PluginError(f"Data error: {err}") from None


def define_env(env: Any) -> None:
    env.variables["site_model"] = model_of(env)  # once a build: the page steps below reuse it
    macros = PageMacros(env.variables["site_model"], here=lambda: pages.page_src(env.page),
                        render_markdown=lambda text: env.render(text, force_rendering=True))
    for name in PageMacros.names():
        env.macro(getattr(macros, name), name)
    env.variables["readiness_rules"] = readiness.RULES


def on_pre_page_macros(env: Any) -> None:
    """Notes pages: under each section heading, "New in MLA-C02" or the note that the guide dropped it."""
    env.markdown = env.variables["site_model"].page_markdown(pages.page_src(env.page), env.markdown)


def on_post_page_macros(env: Any) -> None:
    """Every page: abbreviation tooltips from the glossary. Notes pages: the end-of-page study control."""
    env.markdown += env.variables["site_model"].page_tail(pages.page_src(env.page))
