"""Cleaning of cell text shared by every layout: markup, LaTeX, bullets, white space."""

import html
import re

_TAG = re.compile(r"<[^>]+>")
_LIST_END = re.compile(r"</li>|<br\s*/?>", re.I)
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_SPACES = re.compile(r"[ \t\u00a0]+")
_ENUMERATOR = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•❖*])\s+")
_LATEX_SYMBOLS = {
    r"\times": " × ",
    r"\cdot": " × ",
    r"\sum": " Σ ",
    r"\%": "%",
    r"\ ": " ",
    r"\,": " ",
    r"\left": "",
    r"\right": "",
}


def collapse(text: str) -> str:
    """One line, single spaces, no leading or trailing blanks."""
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def strip_markup(text: str) -> str:
    """Remove HTML tags and entities and markdown emphasis, keeping list items apart."""
    text = _LIST_END.sub("\n", text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    text = _BOLD.sub(r"\1", text)
    text = _ITALIC.sub(r"\1", text)
    return text.replace("**", "")


def _braced(text: str, start: int) -> tuple[str, int]:
    """The content of the {...} group opening at text[start], and the index after it."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return text[start + 1 : i], i + 1
    return text[start + 1 :], len(text)


def _operand(text: str) -> str:
    """A fraction part, parenthesised when it is itself an expression, so a / b stays readable."""
    text = collapse(text)
    if re.search(r" [×+/-] ", text) and not (text.startswith("(") and text.endswith(")")):
        return f"({text})"
    return text


def latex_to_text(expr: str) -> str:
    r"""Render the LaTeX the documents use (\frac, \text, \sum, \times) as plain text: a / b × 100%."""
    out = []
    i = 0
    while i < len(expr):
        if expr.startswith(r"\frac", i) and expr.count("{", i) >= 2:  # OCR may lose a brace: then plain text
            j = expr.find("{", i)
            numerator, j = _braced(expr, j)
            k = expr.find("{", j)
            if k < 0:
                out.append(f" {latex_to_text(numerator)} ")
                i = j
                continue
            denominator, k = _braced(expr, k)
            out.append(f" {_operand(latex_to_text(numerator))} / {_operand(latex_to_text(denominator))} ")
            i = k
        elif re.match(r"\\(text|mathrm|textbf|mathit)\{", expr[i:]):
            j = expr.find("{", i)
            inner, i = _braced(expr, j)
            out.append(latex_to_text(inner))
        else:
            for symbol, plain in _LATEX_SYMBOLS.items():
                if expr.startswith(symbol, i):
                    out.append(plain)
                    i += len(symbol)
                    break
            else:
                out.append(expr[i])
                i += 1
    text = "".join(out).replace("{", "").replace("}", "")
    return collapse(text)


def replace_latex(text: str) -> str:
    """Every $...$ span in a cell rendered as plain text."""
    return re.sub(r"\$([^$]+)\$", lambda m: f" {latex_to_text(m.group(1))} ", text)


def clean_cell(text: str) -> str:
    """A table cell as a person reads it: no markup, LaTeX rendered, one line."""
    return collapse(replace_latex(strip_markup(text)))


def strip_enumerator(text: str) -> str:
    """'1. Jumlah ...', '- Jumlah ...' -> 'Jumlah ...'."""
    return _ENUMERATOR.sub("", text, count=1).strip()


def list_items(text: str) -> list[str]:
    """A cell holding a list ('- a - b', '<li>a</li><li>b</li>') split into its items."""
    text = replace_latex(strip_markup(text))
    items = []
    for line in text.split("\n"):
        line = collapse(line)
        if not line:
            continue
        if line.startswith("- "):
            items.extend(part for part in (collapse(p) for p in line[2:].split(" - ")) if part)
        else:
            items.append(line)
    return [strip_enumerator(item) or item for item in items]


def clean_list_cell(text: str) -> str:
    """A list cell joined with '; ', the form sumber_data keeps."""
    return "; ".join(list_items(text))


def join_text(first: str, second: str) -> str:
    """Join a cell with its continuation; a repeated continuation adds nothing."""
    first, second = first.strip(), second.strip()
    if not second or second == first or first.endswith(second):
        return first
    if not first:
        return second
    return f"{first} {second}"


_CONNECTORS = {"dan", "&", "atau", "yang", "di", "ke", "dari", "untuk", "dalam", "serta", "pada", "dengan", "terhadap"}


def continue_text(previous: str, continuation: str) -> str:
    """Append a cell's continuation from a later row.

    A fragment that carries on a sentence cut by a page or row break (it starts in lower case, or
    the previous part ends on a connecting word) joins with a space; a separate statement joins
    with '; ' so the two stay readable.
    """
    previous, continuation = previous.strip(), continuation.strip()
    if not continuation or previous.endswith(continuation):
        return previous
    if not previous:
        return continuation
    last_word = collapse(strip_markup(previous)).split(" ")[-1].lower() if previous else ""
    first_char = collapse(strip_markup(continuation))[:1]
    if first_char.islower() or last_word in _CONNECTORS or last_word.endswith(","):
        return f"{previous} {continuation}"
    return f"{previous}; {continuation}"
