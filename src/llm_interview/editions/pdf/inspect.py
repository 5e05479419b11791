"""Read a PDF back: its text and fonts (poppler's pdftotext and pdffonts), bookmarks, links and
page sizes (pypdf). Used by the smoke test and the benchmark."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

A4_MM = (210.0, 297.0)
POINT_MM = 25.4 / 72


@dataclass(frozen=True)
class Font:
    """One line of `pdffonts`."""

    name: str
    type: str
    embedded: bool


def text(pdf: Path) -> str:
    """All text, pages separated by form feeds."""
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def fonts(pdf: Path) -> list[Font]:
    """Every font `pdffonts` lists (name, type, embedded)."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    found = []
    for line in out.splitlines()[2:]:
        cols = line.split()
        # name, type (one or two words), encoding, emb, sub, uni, object id, generation
        name, emb = cols[0], cols[-5]
        found.append(Font(name, " ".join(cols[1:-6]), emb == "yes"))
    return found


def outline(pdf: Path) -> list[tuple[int, str]]:
    """(depth, title) of every bookmark, depth 0 at the top."""
    items: list[tuple[int, str]] = []

    def walk(nodes: list, depth: int) -> None:
        for node in nodes:
            if isinstance(node, list):
                walk(node, depth + 1)
            else:
                items.append((depth, node.title))

    walk(PdfReader(pdf).outline, 0)
    return items


@dataclass(frozen=True)
class Links:
    """Every link's web address, the names of the places in the file links jump to, and the names
    of the places the file has."""

    web: list[str]
    jumps: list[str]
    places: set[str]


def links(pdf: Path) -> Links:
    """The link annotations of every page and the file's named destinations."""
    reader = PdfReader(pdf)
    web, jumps = [], []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if "/Dest" in annotation:
                jumps.append(str(annotation["/Dest"]))
            elif "/URI" in annotation.get("/A", {}):
                web.append(str(annotation["/A"]["/URI"]))
    return Links(web, jumps, set(reader.named_destinations))


def page_sizes_mm(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) of every page in millimetres."""
    return [
        (float(p.mediabox.width) * POINT_MM, float(p.mediabox.height) * POINT_MM)
        for p in PdfReader(pdf).pages
    ]
