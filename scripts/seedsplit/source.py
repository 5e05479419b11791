"""Read a dump file and refuse anything that is not a plain UTF-8 text dump."""

from __future__ import annotations

import re
from pathlib import Path

from .records import InputError, Line

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]")


def read_dump(path: Path) -> list[Line]:
    """Return the non-blank lines of the dump at `path`, numbered from 1.

    Accepts CRLF line ends and a UTF-8 BOM; rejects a missing file, a directory, binary
    bytes, text that is not UTF-8 and a file with no text.
    """
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a text dump")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    return parse_dump(data, str(path))


def parse_dump(data: bytes, name: str = "<dump>") -> list[Line]:
    """Decode and split dump bytes; see `read_dump`."""
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
    lines = [
        Line(no, raw.rstrip())
        for no, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1)
        if raw.strip()
    ]
    if not lines:
        raise InputError(f"{name}: empty, no answer text found")
    return lines
