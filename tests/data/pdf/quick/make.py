#!/usr/bin/env python3
"""make.py: small PDFs for the quick reader (src/doc/pdf-quick.c), written by hand so that they
use what the official and office-made PDFs of tests/data/pdf do not: a cross-reference stream
with a PNG predictor and an object stream, /Differences glyph names, a Type0 font with both
forms of /W and a ToUnicode with bfrange arrays, a form XObject with text, ' and " and T*,
rules filled and stroked; and a filter named by reference into an object stream first read
while a page's content is decoded. test_pdf_quick holds the quick reader's opening of each equal to
the helper's (MuPDF's). Run from this directory: python3 make.py"""
import zlib

def pdf(objects, xref_stream=False, objstm=()):
    """objects: {num: bytes}; objstm: numbers to put in one object stream."""
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    nums = sorted(objects)
    stm_num = max(nums) + 1
    packed = [n for n in nums if n in objstm]
    for n in nums:
        if n in packed:
            continue
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objects[n] + b"\nendobj\n"
    index = {}
    if packed:
        head, body = b"", b""
        for i, n in enumerate(packed):
            head += b"%d %d " % (n, len(body))
            body += objects[n] + b"\n"
            index[n] = i
        data = zlib.compress(head + body)
        offsets[stm_num] = len(out)
        out += (b"%d 0 obj\n<</Type/ObjStm/N %d/First %d/Filter/FlateDecode/Length %d>>stream\n"
                % (stm_num, len(packed), len(head), len(data)) + data + b"\nendstream\nendobj\n")
    size = stm_num + 2
    root = b"/Root 1 0 R"
    if xref_stream:
        xnum = stm_num + 1
        offsets[xnum] = len(out)
        rows = []
        for n in range(size):
            if n in index:
                rows.append(bytes([2]) + stm_num.to_bytes(3, "big") + bytes([index[n]]))
            elif n in offsets:
                rows.append(bytes([1]) + offsets[n].to_bytes(3, "big") + bytes([0]))
            else:
                rows.append(bytes([0, 0, 0, 0, 255]))
        # PNG "up" predictor on each row
        raw, prev = b"", bytes(5)
        for r in rows:
            raw += bytes([2]) + bytes((a - b) & 255 for a, b in zip(r, prev))
            prev = r
        data = zlib.compress(raw)
        out += (b"%d 0 obj\n<</Type/XRef/Size %d/W[1 3 1]%s/Filter/FlateDecode"
                b"/DecodeParms<</Predictor 12/Columns 5>>/Length %d>>stream\n"
                % (xnum, size, root, len(data)) + data + b"\nendstream\nendobj\n")
        out += b"startxref\n%d\n%%%%EOF\n" % offsets[xnum]
    else:
        start = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for n in range(1, size):
            out += (b"%010d 00000 n \n" % offsets[n]) if n in offsets else b"0000000000 65535 f \n"
        out += b"trailer\n<</Size %d%s>>\nstartxref\n%d\n%%%%EOF\n" % (size, root, start)
    return bytes(out)

def stream(body, extra=b""):
    data = zlib.compress(body)
    return b"<<%s/Filter/FlateDecode/Length %d>>stream\n" % (extra, len(data)) + data + b"\nendstream"

TOUNICODE = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0004> <00E9> endbfchar
2 beginbfrange <0010> <0019> <0030> <0020> <0022> [<0041> <0042> <0043>] endbfrange
1 beginbfrange <0024> <003D> <0061> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end"""

def hex2(s):
    m = {" ": 3, "\u00e9": 4}
    codes = []
    for ch in s:
        if ch in m:
            codes.append(m[ch])
        elif ch.isdigit():
            codes.append(0x10 + int(ch))
        elif ch in "ABC":
            codes.append(0x20 + "ABC".index(ch))
        else:
            codes.append(0x24 + ord(ch) - ord("a"))
    return b"<" + b"".join(b"%04X" % c for c in codes) + b">"

def resolution():
    body = b"""BT /F1 16 Tf 1 0 0 1 72 740 Tm (United Nations) Tj ET
BT /F1 10 Tf 14 TL 72 700 Td (The General Assembly,) Tj T* (Recalling its resolution 1 \\(2020\\),) Tj
(Noting with \\223concern\\224 the report \\227 the whole report,) '
2 1 (Welcoming the work done,) " ET
q 0.5 w 72 620 m 200 620 l S Q
72 600 144 0.6 re f
BT /F2 10 Tf 72 580 Td [""" + hex2("Adopts the text") + b""" -250 """ + hex2("AB 12 \u00e9t\u00e9") + b"""] TJ ET
BT /F3 9 Tf 72 560 Td (\\001\\002 quoted \\003) Tj ET
/X1 Do
BT /F1 10 Tf 72 500 Td 2 Tc (spaced) Tj 0 Tc 120 Tz ( and wide) Tj 100 Tz 5 Ts (1) Tj 0 Ts ( after) Tj ET
"""
    form = b"BT /F1 10 Tf 72 520 Td (Text inside a form.) Tj ET"
    widths = b"[" + b" ".join(b"500" for _ in range(224)) + b"]"
    objs = {
        1: b"<</Type/Catalog/Pages 2 0 R>>",
        2: b"<</Type/Pages/Kids[3 0 R 12 0 R]/Count 2/MediaBox[0 0 612 792]"
           b"/Resources<</Font<</F1 5 0 R/F2 6 0 R/F3 9 0 R>>/XObject<</X1 10 0 R>>>>>>",
        3: b"<</Type/Page/Parent 2 0 R/Contents 4 0 R>>",
        4: stream(body),
        5: b"<</Type/Font/Subtype/Type1/BaseFont/Times-Roman/FirstChar 32/LastChar 255"
           b"/Widths 11 0 R/Encoding/WinAnsiEncoding/FontDescriptor 13 0 R>>",
        6: b"<</Type/Font/Subtype/Type0/BaseFont/Demo-Bold/Encoding/Identity-H"
           b"/DescendantFonts[7 0 R]/ToUnicode 8 0 R>>",
        7: b"<</Type/Font/Subtype/CIDFontType2/BaseFont/Demo-Bold/CIDSystemInfo"
           b"<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor 14 0 R"
           b"/DW 600/W[3[250 444] 16 25 500 32[722 667 667] 36 61 480]>>",
        8: stream(TOUNICODE),
        9: b"<</Type/Font/Subtype/Type1/BaseFont/Demo-Italic/FirstChar 1/LastChar 255"
           b"/Widths[" + b" ".join(b"480" for _ in range(255)) + b"]"
           b"/Encoding<</BaseEncoding/StandardEncoding/Differences[1/quotedblleft/emdash 3/quotedblright"
           b" 113/q/u/o/t/e/d]>>/FontDescriptor 15 0 R>>",
        10: stream(form, b"/Type/XObject/Subtype/Form/BBox[0 0 612 792]"),
        11: widths,
        12: b"<</Type/Page/Parent 2 0 R/Contents 16 0 R>>",
        13: b"<</Type/FontDescriptor/FontName/Times-Roman/Flags 34/FontBBox[-168 -218 1000 898]"
            b"/ItalicAngle 0/Ascent 683/Descent -217/CapHeight 662/StemV 84>>",
        14: b"<</Type/FontDescriptor/FontName/Demo-Bold/Flags 262178/FontBBox[-168 -218 1000 935]"
            b"/ItalicAngle 0/Ascent 683/Descent -217/CapHeight 676/StemV 139/FontWeight 700>>",
        15: b"<</Type/FontDescriptor/FontName/Demo-Italic/Flags 98/FontBBox[-169 -217 1010 883]"
            b"/ItalicAngle -15.5/Ascent 683/Descent -217/CapHeight 653/StemV 76>>",
        16: stream(b"BT /F1 10 Tf 72 700 Td (Page two, 2/2.) Tj ET"),
    }
    return objs

def filter_in_objstm(objs):
    """The same pages, the first page's content naming its filter by reference to an object
    of the object stream (which is then first decoded while that content is), and the second
    page's font a copy of the first's that only the object stream holds: what the object
    stream decoded while a page's content was must outlive the page."""
    objs = dict(objs)
    objs[4] = objs[4].replace(b"/Filter/FlateDecode", b"/Filter 17 0 R", 1)
    objs[17] = b"/FlateDecode"
    objs[18] = objs[5]
    objs[2] = objs[2].replace(b"/F3 9 0 R>>", b"/F3 9 0 R/F4 18 0 R>>", 1)
    objs[16] = stream(b"BT /F4 10 Tf 72 700 Td (Page two, 2/2.) Tj ET")
    return objs

objs = resolution()
open("classic.pdf", "wb").write(pdf(objs))
open("xref-stream.pdf", "wb").write(pdf(objs, xref_stream=True, objstm=(1, 2, 3, 5, 6, 7, 9, 11, 12, 13, 14, 15)))
open("filter-in-objstm.pdf", "wb").write(pdf(filter_in_objstm(objs), xref_stream=True,
                                             objstm=(5, 6, 7, 9, 11, 13, 14, 15, 17, 18)))
