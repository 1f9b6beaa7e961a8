#!/usr/bin/env python3
"""Writes the bad-input corpus under tests/fixtures/bad/: files that are not spreadsheets,
are damaged, hostile or over-size, or are legitimate but unusual (only a header, error
cells, hidden sheets, ...), plus the formats that look like Excel but are not (HTML and
"XML Spreadsheet 2003" saved as .xls, CSV in UTF-8 / UTF-16 / Windows-1258).
crate/tests/bad_files.rs has one test per file and says what each must give.

Every file is small: the over-size cases use the zip format's own fields (a sheet's
<dimension>, the central directory's sizes) or deflate's ~1000:1 ratio, not real bulk.
Output is deterministic (fixed zip timestamps, seeded random bytes) except encrypted.xlsx,
whose salt msoffcrypto-tool draws at random.

Run once when the corpus changes; the files are committed, tests need no Python:
    python3 -m venv /tmp/fx && /tmp/fx/bin/pip install openpyxl==3.1.5 xlwt==1.3.0 msoffcrypto-tool==6.1.0
    /tmp/fx/bin/python scripts/make-bad-fixtures.py
"""
import codecs
import datetime as dt
import io
import os
import random
import struct
import zipfile
import zlib

import msoffcrypto
import msoffcrypto.format.ooxml
import openpyxl
import xlwt
from openpyxl.chart import BarChart, Reference

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "bad")
os.makedirs(OUT, exist_ok=True)
EPOCH = (2026, 1, 1, 0, 0, 0)

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Số định danh cá nhân",
          "Họ tên cha", "Họ tên mẹ", "Thôn/Tổ", "Ghi chú"]
ROWS = [
    ("Nguyễn Văn An", "05/03/2012", "Nam", "Kinh", "079212000001", "Nguyễn Văn Bình", "Trần Thị Cúc", "Thôn 1"),
    ("Trần Thị Bích", "31/12/2015", "Nữ", "Kinh", "079315000002", "Trần Văn Dũng", "Lê Thị Hoa", "Thôn 2"),
    ("Lò Văn Páo", "20/07/2010", "Nam", "Thái", "014210000004", "Lò Văn Sinh", "Lường Thị Ún", "Bản Mường"),
]


def path(name):
    return os.path.join(OUT, name)


def write(name, data):
    with open(path(name), "wb") as f:
        f.write(data)


def book_bytes(wb):
    buf = io.BytesIO()
    wb.save(buf)
    return normalise_zip(buf.getvalue())


def normalise_zip(data):
    """Same bytes on every run: openpyxl stamps the current time into the zip and docProps."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re
                body = re.sub(rb"<dcterms:(created|modified)([^>]*)>[^<]*<", rb"<dcterms:\1\2>2026-01-01T00:00:00Z<", body)
            dst.writestr(zipfile.ZipInfo(info.filename, EPOCH), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def list_sheet(ws, rows=ROWS, first_row=1):
    for c, h in enumerate(HEADER, start=1):
        ws.cell(row=first_row, column=c, value=h)
    for i, r in enumerate(rows):
        ws.cell(row=first_row + 1 + i, column=1, value=i + 1)
        for c, v in enumerate(r, start=2):
            ws.cell(row=first_row + 1 + i, column=c, value=v)


def good_list():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS tre em"
    list_sheet(ws)
    return book_bytes(wb)


# ---- raw xlsx parts, for files openpyxl will not write -------------------------------------
def raw_xlsx(sheets, shared=None, extra=None, compress=zipfile.ZIP_DEFLATED, level=6):
    """sheets: [(name, sheet_xml_bytes, state)], state in (None, "hidden", "veryHidden")."""
    ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
          '<Default Extension="xml" ContentType="application/xml"/>',
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>']
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    wb = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>']
    for i, (name, _, state) in enumerate(sheets, start=1):
        ct.append(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>')
        st = f' state="{state}"' if state else ""
        wb.append(f'<sheet name="{name}" sheetId="{i}"{st} r:id="rId{i}"/>')
    if shared is not None:
        ct.append('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
        rels.append('<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
    ct.append("</Types>")
    rels.append("</Relationships>")
    wb.append("</sheets></workbook>")
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                 '</Relationships>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compress, compresslevel=level) as z:
        def put(name, body):
            z.writestr(zipfile.ZipInfo(name, EPOCH), body if isinstance(body, bytes) else body.encode(), compress, level)
        put("[Content_Types].xml", "".join(ct))
        put("_rels/.rels", root_rels)
        put("xl/workbook.xml", "".join(wb))
        put("xl/_rels/workbook.xml.rels", "".join(rels))
        for i, (_, xml, _) in enumerate(sheets, start=1):
            put(f"xl/worksheets/sheet{i}.xml", xml)
        if shared is not None:
            put("xl/sharedStrings.xml", shared)
        for name, body in (extra or []):
            put(name, body)
    return out.getvalue()


def col_letter(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{esc(text)}</t></is></c>'


def list_rows_xml(first=1):
    """The header and ROWS as inline-string rows starting at sheet row `first`."""
    out = []
    cells = "".join(inline(f"{col_letter(c)}{first}", h) for c, h in enumerate(HEADER, start=1))
    out.append(f'<row r="{first}">{cells}</row>')
    for i, r in enumerate(ROWS, start=1):
        n = first + i
        cells = f'<c r="A{n}"><v>{i}</v></c>' + "".join(inline(f"{col_letter(c)}{n}", v) for c, v in enumerate(r, start=2))
        out.append(f'<row r="{n}">{cells}</row>')
    return "".join(out)


def sheet_xml(rows_xml, dimension=None):
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'{dim}<sheetData>{rows_xml}</sheetData></worksheet>').encode()


# ---- 1. not a spreadsheet ------------------------------------------------------------------
def not_spreadsheets():
    write("empty.xlsx", b"")
    rnd = random.Random(6)
    write("random.xlsx", bytes(rnd.randrange(256) for _ in range(4096)))
    write("pdf_renamed.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
          b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    # A JPEG's SOI + JFIF APP0 + a quantisation table and EOI: enough for any sniffer.
    jpeg = (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
            b"\xff\xdb\x00\x43\x00" + bytes(range(1, 65)) + b"\xff\xd9")
    write("jpeg_renamed.xlsx", jpeg)
    # A zip that holds no workbook (a folder of scans renamed .xlsx).
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("scan/readme.txt", EPOCH), "Danh sach tre em - ban scan")
    write("zip_no_workbook.xlsx", out.getvalue())
    good = good_list()
    write("truncated.xlsx", good[: len(good) * 6 // 10])
    write("html_no_table.xls", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Hết phiên</title></head>"
          "<body><h1>Phiên làm việc đã hết hạn</h1><p>Vui lòng đăng nhập lại.</p></body></html>".encode())


# ---- 2. password protected -----------------------------------------------------------------
def encrypted():
    src = io.BytesIO(good_list())
    out = io.BytesIO()
    f = msoffcrypto.format.ooxml.OOXMLFile(src)
    f.encrypt("matkhau", out)
    write("encrypted.xlsx", out.getvalue())

    # .xls: xlwt writes no FILEPASS, so put one in. The globals substream starts with BOF and
    # then INTERFACEHDR (0x00E1, 2 bytes) and MMS (0x00C1, 2 bytes): 12 bytes, replaced by a
    # 12-byte FILEPASS (0x002F) whose first field, wEncryptionType = 1, says RC4 encryption
    # (MS-XLS 2.4.117). Same length, so the compound file around it stays valid.
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("DS tre em")
    for c, h in enumerate(HEADER):
        ws.write(0, c, h)
    for i, r in enumerate(ROWS, start=1):
        ws.write(i, 0, i)
        for c, v in enumerate(r, start=1):
            ws.write(i, c, v)
    buf = io.BytesIO()
    wb.save(buf)
    data = bytearray(buf.getvalue())
    old = b"\xe1\x00\x02\x00\xb0\x04\xc1\x00\x02\x00\x00\x00"
    at = data.find(old)
    assert at > 0, "xlwt layout changed: INTERFACEHDR + MMS not found"
    data[at:at + len(old)] = struct.pack("<HH", 0x002F, 8) + struct.pack("<HHHH", 1, 1, 1, 0)
    write("encrypted.xls", bytes(data))


# ---- 3. damaged or hostile zips ------------------------------------------------------------
def hostile():
    # Zip bomb: one sheet of 24 MiB of identical rows that deflates ~1000:1 into ~25 KB
    # (the check refuses any part over 16 MiB packed tighter than 100:1).
    head = list_rows_xml()
    row = '<row><c t="inlineStr"><is><t>x</t></is></c><c t="inlineStr"><is><t>x</t></is></c></row>'
    body = head + row * (24 * 1024 * 1024 // len(row))
    write("zip_bomb.xlsx", raw_xlsx([("DS tre em", sheet_xml(body), None)], level=9))

    # A zip whose central directory declares a 3 GiB shared-strings part (the data itself is
    # small): refused from the directory alone, before anything is inflated.
    data = bytearray(raw_xlsx([("DS tre em", sheet_xml(list_rows_xml()), None)],
                              shared='<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>'))
    name = b"xl/sharedStrings.xml"
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        n = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + n] == name:
            struct.pack_into("<I", data, pos + 24, 3 * 1024 * 1024 * 1024)  # uncompressed size
        pos += 4
    write("declared_huge.xlsx", bytes(data))

    # Not well-formed XML: an unclosed <row> and <c>, and a raw control character (U+0001,
    # not allowed in XML 1.0) inside a string.
    bad = ('<row r="1">' + "".join(inline(f"{col_letter(c)}1", h) for c, h in enumerate(HEADER, start=1)) + "</row>"
           '<row r="2"><c r="A2"><v>1</v></c>' + inline("B2", "Nguyễn\x01Văn An") + '<c r="C2"><v>5')
    write("xml_unclosed.xlsx", raw_xlsx([("DS tre em", sheet_xml(bad), None)]))
    chars = list_rows_xml().replace("Trần Thị Bích", "Trần\x01Thị\x1fBích")
    write("xml_bad_chars.xlsx", raw_xlsx([("DS tre em", sheet_xml(chars), None)]))

    # A shared-string index past the end of the table (3 strings, cell asks for #99).
    sst = ('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">'
           "<si><t>Họ và tên</t></si><si><t>Ngày sinh</t></si><si><t>Giới tính</t></si></sst>")
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
            '<row r="2"><c r="A2" t="s"><v>99</v></c><c r="B2"><v>40973</v></c><c r="C2" t="s"><v>2</v></c></row>')
    write("sst_out_of_range.xlsx", raw_xlsx([("DS tre em", sheet_xml(rows, "A1:C2"), None)], shared=sst))

    # Used ranges past the budget, in a few hundred bytes: the list plus one stray value far
    # away. 16,384 columns (a value in XFD1000), 1,048,576 rows (a 16-column row at the
    # bottom), and both (A1 … XFD1048576, the whole grid).
    stray = list_rows_xml() + '<row r="1000">' + inline("XFD1000", "x") + "</row>"
    write("cols_16384.xlsx", raw_xlsx([("DS tre em", sheet_xml(stray, "A1:XFD1000"), None)]))
    bottom = list_rows_xml() + '<row r="1048576">' + "".join(inline(f"{col_letter(c)}1048576", "x") for c in range(1, 17)) + "</row>"
    write("rows_1048576.xlsx", raw_xlsx([("DS tre em", sheet_xml(bottom, "A1:P1048576"), None)]))
    corner = list_rows_xml() + '<row r="1048576">' + inline("XFD1048576", "x") + "</row>"
    write("grid_full.xlsx", raw_xlsx([("DS tre em", sheet_xml(corner, "A1:XFD1048576"), None)]))
    # The same without <dimension> (it is optional): only the cells tell the size.
    write("grid_full_no_dimension.xlsx", raw_xlsx([("DS tre em", sheet_xml(corner), None)]))

    # ODS can repeat a row: 1,048,575 copies of a 16-cell row in a 2 KB file.
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:spreadsheet><table:table table:name="DS tre em">'
               '<table:table-row>' + "".join(f'<table:table-cell office:value-type="string"><text:p>{esc(h)}</text:p></table:table-cell>' for h in HEADER) + '</table:table-row>'
               '<table:table-row table:number-rows-repeated="1048575">'
               '<table:table-cell table:number-columns-repeated="16" office:value-type="string"><text:p>Nguyễn Văn An</text:p></table:table-cell>'
               '</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype", EPOCH), "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        z.writestr(zipfile.ZipInfo("content.xml", EPOCH), content, zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo("META-INF/manifest.xml", EPOCH), manifest, zipfile.ZIP_DEFLATED)
    write("ods_rows_repeated.ods", out.getvalue())


# ---- 4. legitimate but unusual sheets ------------------------------------------------------
def unusual():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS tre em"
    for c, h in enumerate(HEADER, start=1):
        ws.cell(row=1, column=c, value=h)
    write("header_only.xlsx", book_bytes(wb))

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for r in range(1, 6):
        for c in range(1, 5):
            ws.cell(row=r, column=c, value=r * 10 + c)
    write("no_header.xlsx", book_bytes(wb))

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS tre em"
    for r in range(1, 8):
        for c in range(1, 6):
            ws.cell(row=r, column=c, value="   " if (r + c) % 2 else "")
            ws.cell(row=r, column=c).number_format = "@"
    write("only_empty_cells.xlsx", book_bytes(wb))

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS tre em"
    list_sheet(ws)
    ws.cell(row=3, column=10, value=("Ghi chú dài " * 3000)[:32767])  # Excel's most per cell
    write("long_cell.xlsx", book_bytes(wb))

    # Control characters: openpyxl refuses them, so write the sheet by hand: XML escapes
    # (_x0007_ as Excel writes, &#9; tab, a newline) and invisible characters.
    rows = list_rows_xml()
    rows = rows.replace("Nguyễn Văn An", "Nguyễn_x0007_Văn\tAn").replace("Trần Thị Bích", "Trần\u200bThị\u00a0Bích\n")
    rows = rows.replace("Lò Văn Páo", "Lò Văn Páo_x001F_")
    write("control_chars.xlsx", raw_xlsx([("DS tre em", sheet_xml(rows), None)]))

    # Formula error cells (#N/A, #REF!, #DIV/0!) in data columns, with the formulas.
    errs = list_rows_xml()
    errs = errs.replace(inline("C3", "31/12/2015"), '<c r="C3" t="e"><f>VLOOKUP(B3,X!A:B,2,0)</f><v>#N/A</v></c>')
    errs = errs.replace(inline("F4", "014210000004"), '<c r="F4" t="e"><f>#REF!</f><v>#REF!</v></c>')
    errs = errs.replace(inline("I2", "Thôn 1"), '<c r="I2" t="e"><f>1/0</f><v>#DIV/0!</v></c>')
    write("formula_errors.xlsx", raw_xlsx([("DS tre em", sheet_xml(errs), None)]))

    # Merged cells across data rows: the village merged down three rows, a note merged across.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS tre em"
    list_sheet(ws)
    ws.merge_cells("I2:I4")
    ws.cell(row=3, column=10, value="chuyển đi")
    ws.merge_cells("J3:K3")
    write("merged_data.xlsx", book_bytes(wb))

    # Hidden sheets: a hidden lookup list first, a very hidden one, then the visible list.
    wb = openpyxl.Workbook()
    lookup = wb.active
    lookup.title = "Danh muc"
    for i, v in enumerate(["Kinh", "Tày", "Thái", "Mường"], start=1):
        lookup.cell(row=i, column=1, value=v)
    lookup.sheet_state = "hidden"
    secret = wb.create_sheet("Cau hinh")
    secret["A1"] = "phien ban 2"
    secret.sheet_state = "veryHidden"
    ws = wb.create_sheet("DS tre em")
    list_sheet(ws)
    wb.active = 2
    write("hidden_sheets.xlsx", book_bytes(wb))

    # Only a chart sheet (its data lives in no worksheet of the file... openpyxl needs one
    # for the chart's references, so the data sheet is removed after the chart is built).
    wb = openpyxl.Workbook()
    data = wb.active
    data.title = "Data"
    for i in range(1, 5):
        data.cell(row=i, column=1, value=i)
    chart = BarChart()
    chart.add_data(Reference(data, min_col=1, min_row=1, max_row=4))
    cs = wb.create_chartsheet("Bieu do")
    cs.add_chart(chart)
    wb.remove(data)
    write("chart_only.xlsx", book_bytes(wb))


# ---- 5. formats that look like Excel but are not -------------------------------------------
def disguised():
    rows_html = "".join(
        f"<tr><td>{i}</td>" + "".join(f"<td>{v}</td>" for v in r) + "<td>&nbsp;</td></tr>\n" for i, r in enumerate(ROWS, start=1))
    header_html = "<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>\n"
    page = ("<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><head>"
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
            "<style>td { mso-number-format:\"\\@\"; }</style></head><body>"
            "<table><tr><td colspan=\"10\"><b>UBND X&Atilde; T&Acirc;N L&#7852;P</b></td></tr>"
            "<tr><td colspan=\"10\">DANH SÁCH TRẺ EM DƯỚI 16 TUỔI</td></tr></table>"
            "<table border=\"1\">\n" + header_html + rows_html + "</table></body></html>")
    write("html_table.xls", page.encode("utf-8"))
    # The same page in Windows-1258 (tone marks as combining characters, as that code page
    # stores them), declared by <meta charset>.
    write("html_cp1258.xls", cp1258(page.replace("charset=utf-8", "charset=windows-1258")))

    # XML Spreadsheet 2003, as Excel 2003 and many web systems write it.
    def data(v):
        kind = "Number" if isinstance(v, int) else "String"
        return f'<Cell><Data ss:Type="{kind}">{esc(str(v))}</Data></Cell>'
    body = ['<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" '
            'xmlns:html="http://www.w3.org/TR/REC-html40">\n'
            '<Styles><Style ss:ID="d"><NumberFormat ss:Format="dd/mm/yyyy"/></Style></Styles>\n'
            '<Worksheet ss:Name="DS tre em"><Table>\n'
            '<Row><Cell ss:MergeAcross="9"><Data ss:Type="String">DANH SÁCH TRẺ EM DƯỚI 16 TUỔI</Data></Cell></Row>\n'
            '<Row ss:Index="3">' + "".join(data(h) for h in HEADER) + "</Row>\n"]
    for i, r in enumerate(ROWS, start=1):
        d, m, y = r[1].split("/")
        cells = [data(i), data(r[0]), f'<Cell ss:StyleID="d"><Data ss:Type="DateTime">{y}-{m}-{d}T00:00:00.000</Data></Cell>']
        cells += [data(v) for v in r[2:]]
        body.append("<Row>" + "".join(cells) + "</Row>\n")
    body.append("</Table></Worksheet>\n</Workbook>\n")
    write("spreadsheetml.xls", "".join(body).encode("utf-8"))

    # CSV in the three encodings csv.rs reads.
    lines = [",".join(HEADER)] + [",".join([str(i)] + list(r)) for i, r in enumerate(ROWS, start=1)]
    text = "\r\n".join(lines) + "\r\n"
    write("csv_utf8.csv", codecs.BOM_UTF8 + text.encode("utf-8"))
    write("csv_utf16le.csv", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    write("csv_utf16be.csv", codecs.BOM_UTF16_BE + text.encode("utf-16-be"))
    write("csv_cp1258.csv", cp1258(text))


def cp1258(text):
    """Windows-1258 has few precomposed Vietnamese letters: write what it lacks as the
    longest base it has plus combining tone marks (ễ = ê + U+0303), as Vietnamese Windows
    software did."""
    import unicodedata
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        import itertools
        letter, marks = unicodedata.normalize("NFD", ch)[0], unicodedata.normalize("NFD", ch)[1:]
        for n in range(len(marks), -1, -1):
            for kept in itertools.combinations(marks, n):
                rest = [m for m in marks if m not in kept]
                try:
                    out += unicodedata.normalize("NFC", letter + "".join(kept)).encode("cp1258") + "".join(rest).encode("cp1258")
                    break
                except UnicodeEncodeError:
                    continue
            else:
                continue
            break
        else:
            raise ValueError(f"{ch!r} cannot be written in cp1258")
    return bytes(out)


if __name__ == "__main__":
    not_spreadsheets()
    encrypted()
    hostile()
    unusual()
    disguised()
    for name in sorted(os.listdir(OUT)):
        print(f"{os.path.getsize(path(name)):>9}  {name}")
