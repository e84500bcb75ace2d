"""hooks/studykit/assets.py: the site's copies of its own CSS and JavaScript lose comments and layout, and
nothing that changes what they do."""

from __future__ import annotations

from studykit import assets


def test_css_loses_comments_but_not_strings() -> None:
    css = '/* head */\n.a { content: "/* kept */"; } /* tail */\n\n.b { background: url(\'data:x;/*y*/\'); }\n'
    out = assets.minify_css(css)
    assert "head" not in out and "tail" not in out
    assert '"/* kept */"' in out and "url('data:x;/*y*/')" in out


def test_javascript_loses_comments_but_not_strings_urls_or_regular_expressions() -> None:
    js = (
        "/*\n * Header.\n */\n(function () {\n  // a note\n  var url = \"https://example.org/\"; // stays\n"
        "  /* before */ go();\n  var re = /a\\/*b/;\n  var s = '// not a comment';\n\n})();\n"
    )
    out = assets.minify_js(js)
    assert "Header" not in out and "a note" not in out and "before" not in out
    for kept in ('"https://example.org/"', "/a\\/*b/", "'// not a comment'", "go()"):
        assert kept in out
    assert len(out) < len(js) * 0.6
