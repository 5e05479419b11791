"""Read a dump file and refuse anything that is not a plain UTF-8 text dump."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from llm_interview.importer.records import InputError, Line
from llm_interview.pages.invisible import invisible_in, strip_invisible

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]")


@dataclass
class Dump:
    """The non-blank lines of a dump and every line whose invisible characters were removed."""

    lines: list[Line]
    cleaned: list[dict] = field(default_factory=list)  # {"line", "removed", "blank"}


def read_dump(path: Path) -> list[Line]:
    """The non-blank lines of the dump at `path` (see `read_source`)."""
    return read_source(path).lines


def parse_dump(data: bytes, name: str = "<dump>") -> list[Line]:
    """The non-blank lines of dump bytes (see `read_source`)."""
    return parse_source(data, name).lines


def read_source(path: Path) -> Dump:
    """Return the non-blank lines of the dump at `path`, numbered from 1.

    Invisible characters are taken out of every line (the rule of pages.invisible) and each
    line touched is listed in `cleaned`; a line left with nothing visible counts as blank.
    Accepts CRLF line ends and a UTF-8 BOM; rejects a missing file, a directory, binary bytes,
    text that is not UTF-8 and a file with no text.
    """
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a text dump")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    return parse_source(data, str(path))


def parse_source(data: bytes, name: str = "<dump>") -> Dump:
    """Decode and split dump bytes; see `read_source`."""
    if b"\x00" in data:
        raise InputError(f"{name}: binary data (NUL bytes), expected a UTF-8 text dump")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name}: not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "convert it first, e.g. iconv -f GBK -t UTF-8"
        ) from None
    control = _CONTROL_RE.search(text)
    if control:
        raise InputError(f"{name}: binary data (control byte 0x{ord(control.group()):02x})")
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    dump = Dump([])
    for no, raw in enumerate(raw_lines, 1):
        removed = invisible_in(raw)
        clean = strip_invisible(raw).rstrip() if removed else raw.rstrip()
        if clean.strip():
            dump.lines.append(Line(no, clean))
        if removed:
            dump.cleaned.append({"line": no, "removed": removed, "blank": not clean.strip()})
    if not dump.lines:
        raise InputError(f"{name}: empty, no answer text found")
    return dump
