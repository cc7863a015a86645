"""Build LintasBonum-*.ttf from Debian's TeX Gyre Bonum (CFF OpenType) with TrueType outlines.

reportlab embeds only TrueType (``glyf``) outlines, and TeX Gyre Bonum, the free face metric-
compatible with Bookman Old Style, is published only as CFF-flavoured OpenType. This converts the
cubic outlines to quadratic ones (fontTools' cu2qu, within 1/1000 em) and renames the family
"Lintas Bonum", as the GUST Font License asks of modified versions. Advance widths, kerning and
the character map are unchanged, so the metrics stay those of TeX Gyre Bonum.

Run once, by hand, when the shipped files must be rebuilt (needs ``fonttools`` and the Debian
package ``fonts-texgyre``)::

    .venv/bin/python resources/fonts/make_bonum_ttf.py
"""

from __future__ import annotations

from pathlib import Path

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

SOURCE = Path("/usr/share/texmf/fonts/opentype/public/tex-gyre")
HERE = Path(__file__).resolve().parent
STYLES = {
    "regular": "Regular",
    "bold": "Bold",
    "italic": "Italic",
    "bolditalic": "BoldItalic",
}


def convert(source: Path, target: Path) -> None:
    """Write ``source`` (CFF OpenType) as a TrueType-outline font ``target``."""
    font = TTFont(str(source))
    if font.sfntVersion != "OTTO" or "CFF " not in font:
        raise ValueError(f"{source} is not a CFF OpenType font")
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        # PostScript contours run counter-clockwise, TrueType ones clockwise.
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    for table in ("VORG",):
        if table in font:
            del font[table]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.maxComponentElements = max(
        (len(getattr(g, "components", []) or []) for g in glyf.glyphs.values()), default=0
    )
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    for record in font["name"].names:
        text = record.toUnicode()
        renamed = text.replace("TeX Gyre Bonum", "Lintas Bonum").replace(
            "TeXGyreBonum", "LintasBonum"
        )
        if renamed != text:
            record.string = renamed
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(str(target))


def main() -> None:
    """Convert the four styles into this folder."""
    for source_style, target_style in STYLES.items():
        convert(
            SOURCE / f"texgyrebonum-{source_style}.otf", HERE / f"LintasBonum-{target_style}.ttf"
        )


if __name__ == "__main__":
    main()
