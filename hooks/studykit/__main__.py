"""The build steps from the command line, for an engine that has no MkDocs hooks.

    python -m studykit prebuild            check data/ and the pages (exit 1 on a problem)
    python -m studykit postbuild SITE_DIR  the steps after rendering, on a built site
    python -m studykit postbuild SITE_DIR --fix-pages   also fix each page's content
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from studykit import build, site
from studykit.errors import DataError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m studykit", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's config (mkdocs.yml)")
    steps = parser.add_subparsers(dest="step", required=True)
    steps.add_parser("prebuild", help="check data/ and the pages")
    post = steps.add_parser("postbuild", help="the steps after rendering")
    post.add_argument("site_dir", type=Path)
    post.add_argument("--fix-pages", action="store_true", help="fix each built page's content too")
    args = parser.parse_args(argv)
    try:
        model, findings = build.prebuild(site.Settings.from_file(args.config.resolve()))
    except DataError as err:
        print(f"Data error: {err}", file=sys.stderr)
        return 1
    for line in findings.notices:
        print(f"NOTICE - {line}", file=sys.stderr)
    for line in findings.warnings:
        print(f"WARNING - {line}", file=sys.stderr)
    if args.step == "postbuild":
        if args.fix_pages:
            build.fix_built_pages(model, args.site_dir)
        build.postbuild(model, args.site_dir)
    return 1 if findings.warnings else 0


if __name__ == "__main__":
    sys.exit(main())
