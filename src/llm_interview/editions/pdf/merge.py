"""Put one PDF together from the units Chromium printed for it (render.py): their pages in order;
their named destinations (Chromium writes one for each element a link points at, and keeps a
link whose element another unit holds, so those links work once the units are together); links
to elements no unit holds sent to the site; one font program per family (fonts.py); bookmarks
(outline.py)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from llm_interview.editions.pdf.addresses import site_address
from llm_interview.editions.pdf.fonts import share_fonts
from llm_interview.editions.pdf.outline import add_outline


def _link_elsewhere(writer: PdfWriter, dests: DictionaryObject, pages: dict, site_url: str) -> None:
    """Links to a destination no unit has go to the element's page on the site (or go)."""
    for page in writer.pages:
        annotations = page.get("/Annots")
        if annotations is None:
            continue
        kept = ArrayObject()
        for ref in annotations.get_object():
            annotation = ref.get_object()
            name = annotation.get("/Dest")
            if isinstance(name, NameObject) and name not in dests:
                address = site_address(name[1:], pages, site_url)
                if address is None:
                    continue
                del annotation["/Dest"]
                action = {
                    NameObject("/S"): NameObject("/URI"),
                    NameObject("/URI"): TextStringObject(address),
                }
                annotation[NameObject("/A")] = DictionaryObject(action)
            kept.append(ref)
        page[NameObject("/Annots")] = kept


def assemble(
    units: list[Path], out: Path, toc: list[dict], pages: dict[str, str], site_url: str
) -> int:
    """Write the PDF of `units` to `out` with bookmarks for `toc`; returns how many bookmarks.
    `pages`, each page's site URL by its key on the print page (for links left elsewhere)."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # Chromium's trailers undercount objects
    writer = PdfWriter()
    dests = DictionaryObject()
    for unit in units:
        reader = PdfReader(unit)
        copies = {
            page.indirect_reference.idnum: writer.add_page(page).indirect_reference
            for page in reader.pages
        }
        for name, dest in (
            (reader.root_object.get("/Dests") or DictionaryObject()).get_object().items()
        ):
            dest = dest.get_object()
            dests[NameObject(name)] = ArrayObject([copies[dest[0].idnum], *dest[1:]])
    writer.root_object[NameObject("/Dests")] = dests
    _link_elsewhere(writer, dests, pages, site_url)
    share_fonts(writer)
    bookmarks = add_outline(writer, toc)
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    partial = out.with_suffix(".partial.pdf")
    out.parent.mkdir(parents=True, exist_ok=True)
    with partial.open("wb") as f:
        writer.write(f)
    os.replace(partial, out)
    return bookmarks
