"""Escaping: article text is data in Markdown, YAML and links."""
from __future__ import annotations

import markdown

from generator.escape import md, safe_url, yaml_str
from generator.textutil import slugify

EXTENSIONS = ["footnotes", "admonition", "tables", "attr_list", "pymdownx.details"]


def html_of(text: str) -> str:
    return markdown.markdown(f"- {md(text)}", extensions=EXTENSIONS)


def test_html_is_text():
    html = html_of('<script>alert(1)</script><img src=x onerror="alert(2)">')
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html


def test_markdown_is_text():
    html = html_of("*bold* [link](https://evil.example) ![i](x.png) [^1] `code` {: .x } # h | a |")
    assert "<em>" not in html and "<a " not in html and "<img" not in html and "<code>" not in html
    assert "*bold*" in html and "[link](https://evil.example)" in html


def test_line_start_markers():
    for text in ["- item", "1. item", "# heading", "> quote", "+ plus"]:
        html = markdown.markdown(md(text))
        assert html.startswith("<p>"), (text, html)


def test_yaml_and_urls():
    assert yaml_str('a: "b"\nc') == '"a: &quot;b&quot; c"'
    assert yaml_str('<img src=x onerror="f()">') == '"&lt;img src=x onerror=&quot;f()&quot;&gt;"'
    assert safe_url("javascript:alert(1)") == "" and safe_url("data:text/html,x") == ""
    assert safe_url("https://a.com/x (y)") == "https://a.com/x%20%28y%29"


def test_slugs_are_safe():
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("Xi Jinping – Antony Blinken") == "xi-jinping-antony-blinken"
    assert slugify("") == "untitled"
