"""One font program per family in a PDF put together from several (merge.py).

Chromium embeds, in each file it prints, a subset of each font holding the glyphs that file uses,
numbered as in the whole font (Skia keeps glyph ids). Put together, a PDF would carry one subset
of Noto Sans SC per unit printed, a third of its size; so each family's subsets become one: the
glyphs of all of them, which every font dictionary of the family then points to. Each dictionary
keeps its own widths and text mapping, both by glyph id, so nothing else changes.
"""

from __future__ import annotations

import io
import logging

from fontTools.ttLib import TTFont
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, NumberObject

from llm_interview import compat


def _descriptors(writer: PdfWriter) -> dict[str, list[DictionaryObject]]:
    """The font descriptors with an embedded TrueType program, by family (the name after the
    subset tag `ABCDEF+`), each once."""
    found: dict[str, dict[int, DictionaryObject]] = {}
    for page in writer.pages:
        for font in (page["/Resources"].get_object().get("/Font") or {}).values():
            font = font.get_object()
            if "/DescendantFonts" not in font:
                continue
            cid_font = font["/DescendantFonts"][0].get_object()
            descriptor = cid_font["/FontDescriptor"].get_object()
            if "/FontFile2" in descriptor:
                family = str(font["/BaseFont"]).split("+")[-1]
                found.setdefault(family, {})[descriptor.indirect_reference.idnum] = descriptor
    return {family: list(descriptors.values()) for family, descriptors in found.items()}


def union(programs: list[bytes]) -> bytes:
    """One TrueType program with every glyph any of these subsets (same glyph ids) draws."""
    fonts = [
        TTFont(io.BytesIO(data), recalcBBoxes=False, recalcTimestamp=False) for data in programs
    ]
    base = max(fonts, key=lambda font: font["maxp"].numGlyphs)
    order, glyphs = base.getGlyphOrder(), compat.stored_glyphs(base)
    metrics = [base[tag].metrics for tag in ("hmtx", "vmtx") if tag in base]
    for font in fonts:
        if font is base:
            continue
        own_glyphs = compat.stored_glyphs(font)
        own_metrics = [font[tag].metrics for tag in ("hmtx", "vmtx") if tag in font]
        for gid, name in enumerate(font.getGlyphOrder()):
            if compat.draws(own_glyphs[name]) and not compat.draws(glyphs[order[gid]]):
                glyphs[order[gid]] = own_glyphs[name]
                for into, source in zip(metrics, own_metrics, strict=False):
                    into[order[gid]] = source[name]
    out = io.BytesIO()
    base.save(out)
    return out.getvalue()


def share_fonts(writer: PdfWriter) -> None:
    """Give every font family of `writer` one program, the union of its subsets."""
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # Chromium's subsets date from 1904
    for descriptors in _descriptors(writer).values():
        if len(descriptors) < 2:
            continue
        streams = [d["/FontFile2"].get_object() for d in descriptors]
        program = union([stream.get_data() for stream in streams])
        shared = streams[0]
        shared.set_data(program)
        shared[NameObject("/Length1")] = NumberObject(len(program))
        for descriptor in descriptors[1:]:
            descriptor[NameObject("/FontFile2")] = descriptors[0].raw_get("/FontFile2")
