"""XMP metadata that says exactly what the Info dictionary says.

reportlab writes only the Info dictionary. PDF 2.0 readers (and pyHanko, which signs as PDF 2.0)
go by the XMP stream instead, so without one a signed file carried a pyHanko-made XMP with no title
or author next to an Info dictionary that had them. The packet is built when the file is written,
from the very values and time stamp reportlab puts in Info, so the two cannot disagree.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape


def xmp_date(stamp: Any) -> str:
    """reportlab's ``TimeStamp`` as an XMP date (ISO 8601 with the same offset as Info)."""
    year, month, day, hour, minute, second = stamp.YMDhms
    sign = "-" if stamp.dhh < 0 or (stamp.dhh == 0 and stamp.dmm < 0) else "+"
    return (
        f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
        f"{sign}{abs(stamp.dhh):02d}:{abs(stamp.dmm):02d}"
    )


def xmp_packet(pdf_document: Any) -> bytes:
    """The XMP packet (UTF-8) of a reportlab ``PDFDocument`` (its ``info`` and ``_timeStamp``)."""
    info = pdf_document.info
    created = xmp_date(pdf_document._timeStamp)
    lang = escape(getattr(getattr(pdf_document.Catalog, "Lang", None), "s", None) or "x-default")

    def text(value: object) -> str:
        return escape(str(value or ""))

    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{text(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{text(info.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{text(info.keywords)}</pdf:Keywords>
   <pdf:Producer>{text(info.producer)}</pdf:Producer>
   <xmp:CreatorTool>{text(info.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{created}</xmp:CreateDate>
   <xmp:ModifyDate>{created}</xmp:ModifyDate>
   <xmp:MetadataDate>{created}</xmp:MetadataDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


def attach_xmp(canvas: Any) -> None:
    """Give the catalog an XMP stream built from Info when the file is written."""
    from reportlab.pdfbase.pdfdoc import XMP

    canvas._doc.Catalog.Metadata = XMP(creator=xmp_packet)
