"""A tiny DOM built with the standard library's html.parser, for assertions.

page = parse(response.content.decode())
page.find("title").text
[d.text for d in page.find_all("details")]
"""

from html.parser import HTMLParser

VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr",
}  # fmt: skip
# Elements whose end tag may be left out; closed when a sibling of the same kind starts.
AUTO_CLOSING = {"p", "li", "dt", "dd", "option", "tr", "td", "th"}


class Node:
    def __init__(self, tag, attrs=(), parent=None):
        self.tag = tag
        self.attrs = {name: (value if value is not None else "") for name, value in attrs}
        self.parent = parent
        self.children = []

    @property
    def text(self):
        """The visible text inside this element, whitespace collapsed."""
        parts = []
        self._collect(parts)
        return " ".join("".join(parts).split())

    def _collect(self, parts):
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag not in {"script", "style"}:
                parts.append(" " if child.tag in {"br", "p", "li", "div"} else "")
                child._collect(parts)

    @property
    def classes(self):
        return self.attrs.get("class", "").split()

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def find_all(self, tag=None, class_=None, **attrs):
        found = []
        for node in self.iter():
            if tag is not None and node.tag != tag:
                continue
            if class_ is not None and class_ not in node.classes:
                continue
            if any(
                node.attrs.get(name.replace("_", "-")) != value for name, value in attrs.items()
            ):
                continue
            found.append(node)
        return found

    def find(self, tag=None, class_=None, **attrs):
        found = self.find_all(tag, class_, **attrs)
        return found[0] if found else None

    def __repr__(self):
        return f"<{self.tag} {self.attrs}>"


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        if tag in AUTO_CLOSING and self.current.tag == tag:
            self.current = self.current.parent
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID_ELEMENTS:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def meta_content(page: Node, name: str) -> str:
    """The content of <meta name=…> or <meta property=…>, or "" when absent."""
    for meta in page.find_all("meta"):
        if name in {meta.attrs.get("name"), meta.attrs.get("property")}:
            return meta.attrs.get("content", "")
    return ""


def text_outside(page: Node, inside) -> str:
    """All text of ``page`` except what sits within elements matching ``inside(node)``."""
    parts = []

    def walk(node):
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag not in {"script", "style"} and not inside(child):
                parts.append(" ")
                walk(child)

    walk(page)
    return " ".join("".join(parts).split())


def form_values(form: Node) -> dict[str, str]:
    """What a browser would submit for ``form`` untouched (no submit button)."""
    values = {}
    for field in form.iter():
        name = field.attrs.get("name")
        if not name or "disabled" in field.attrs:
            continue
        if field.tag == "input":
            kind = field.attrs.get("type", "text")
            if kind in {"submit", "button", "image", "reset", "file"}:
                continue
            if kind in {"checkbox", "radio"}:
                if "checked" in field.attrs:
                    values[name] = field.attrs.get("value", "on")
                continue
            values[name] = field.attrs.get("value", "")
        elif field.tag == "textarea":
            text = "".join(c for c in field.children if isinstance(c, str))
            values[name] = text[1:] if text.startswith("\n") else text
        elif field.tag == "select":
            options = field.find_all("option")
            chosen = [o for o in options if "selected" in o.attrs] or options[:1]
            if chosen:
                values[name] = chosen[0].attrs.get("value", chosen[0].text)
    return values
