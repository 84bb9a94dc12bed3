"""Text fitted for charts: wrapped at word boundaries (never cut mid-word), and names made distinct
where two indicators are written the same."""

import pandas as pd

ELLIPSIS = "…"


def wrap(text: str, width: int = 48, lines: int | None = 2, newline: str = "<br>") -> str:
    """Lines of at most `width` characters, broken between words (a word longer than that stands on a
    line of its own, whole). With `lines`, at most that many, what does not fit ending in '…' after a
    whole word; with lines=None every word is kept."""
    words, out, current = str(text).split(), [], ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width or not current:
            current = candidate
            continue
        out.append(current)
        current = word
        if lines is not None and len(out) == lines:
            break
    else:
        out.append(current)
        return newline.join(out)
    last = out[-1]
    while last and len(last) + len(ELLIPSIS) > width and " " in last:
        last = last.rsplit(" ", 1)[0]
    out[-1] = last + ELLIPSIS
    return newline.join(out)


DOCUMENT = ("kabupaten", "kecamatan", "tahun")  # the rows of one document: a name need be distinct only there


def distinct_names(frame: pd.DataFrame, context: tuple[str, ...] = ("jabatan_baku", "sasaran")) -> pd.Series:
    """The indicator's name, with as much context as it takes to tell it from another of the same name
    in its document (in the whole frame when it names no document): the jabatan, then the sasaran, then
    a number. Across documents the kecamatan and year beside the name tell rows apart, and the same
    indicator of 7.000 kecamatan is not numbered 1 to 7.000."""
    keys = [frame[c] for c in DOCUMENT if c in frame]
    names = frame["indikator"].astype(str)

    def clashing(names: pd.Series) -> pd.Series:
        return pd.concat([*keys, names], axis=1, keys=range(len(keys) + 1)).duplicated(keep=False)

    for column in context:
        if column in frame and (clash := clashing(names)).any():
            names = names.where(~clash, names + " · " + frame[column].astype(str))
    clash = clashing(names)
    if clash.any():
        numbers = names.groupby([*keys, names], observed=True, dropna=False).cumcount() + 1
        names = names.where(~clash, names + " (" + numbers.astype(str) + ")")
    return names


def wrap_distinct(names: pd.Series, width: int = 48, lines: int | None = 2) -> list[str]:
    """Wrapped names that stay distinct: where shortening makes two alike, they get a line more, and
    a number if that is not enough."""
    wrapped = pd.Series([wrap(n, width, lines) for n in names], index=names.index)
    clash = wrapped.duplicated(keep=False)
    if lines is not None:
        wrapped[clash] = [wrap(n, width, lines + 1) for n in names[clash]]
    clash = wrapped.duplicated(keep=False)
    if clash.any():
        numbers = wrapped.groupby(wrapped).cumcount() + 1
        wrapped = wrapped.where(~clash, wrapped + " (" + numbers.astype(str) + ")")
    return wrapped.tolist()
