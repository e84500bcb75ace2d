"""hooks/strip_comments.py: the site's copies of its own CSS and JavaScript lose their comments, and nothing else."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "hooks"))

import strip_comments  # noqa: E402


def test_css_loses_comments_but_not_strings() -> None:
    css = '/* head */\n.a { content: "/* kept */"; } /* tail */\n\n.b { background: url(\'data:x;/*y*/\'); }\n'
    assert strip_comments.strip_css(css) == '.a { content: "/* kept */"; } \n.b { background: url(\'data:x;/*y*/\'); }\n'


def test_javascript_loses_only_whole_line_comments() -> None:
    js = (
        "/*\n * Header.\n */\n(function () {\n  // a note\n  var url = \"https://example.org/\"; // stays\n"
        "  /* one line */\n  /* before */ go();\n  var re = /a\\/*b/;\n\n})();\n"
    )
    assert strip_comments.strip_js(js) == (
        "(function () {\n  var url = \"https://example.org/\"; // stays\n"
        "  /* before */ go();\n  var re = /a\\/*b/;\n})();\n"
    )
