#!/usr/bin/env python3
"""Writes small, diverse .xlsx files under tests/fixtures/xlsx_variants/ with tools
independent of LamSach, to check that our own xlsx sheet reader gives exactly the cells
calamine gives, for every way real writers encode cells.

Three kinds of writers:
  * openpyxl 3.1.5 (writes strings as inline strings t="inlineStr", formulas with <f> and
    no <v>, and t="d" ISO dates when wb.iso_dates is set),
  * XlsxWriter 3.3.1 (shared strings; inline strings in constant_memory mode; formulas with
    a cached <v>, t="str"/"b"/"e" for string/boolean/error results),
  * hand-written XML zipped with Python's zipfile, for shapes these libraries never write
    (namespace prefixes, rows/cells without r, _xHHHH_ escapes, phonetic runs, odd part
    paths, UTF-16 parts, stored/streamed zip entries, ...).

Run once when the variants change; the files are committed, tests need no Python:
    python3 -m venv /tmp/xv && /tmp/xv/bin/pip install openpyxl==3.1.5 XlsxWriter==3.3.1
    /tmp/xv/bin/python scripts/make-xlsx-variants.py

The cell contents are deterministic (fixed seed); the hand-written and XlsxWriter files are
byte-identical on a re-run, openpyxl stamps its zip entries with the current time. Every file is opened again with openpyxl
(load_workbook(data_only=True)); for the hand-written ones the script asserts that
openpyxl reads the intended values, and prints a short summary. README.md in the output
folder (one line per file) is written from the same table as the files.

Shapes openpyxl 3.1.5 reads differently from Excel (the files are valid ECMA-376 and kept):
  * _xHHHH_ escapes: openpyxl does not decode them (it only drops "x005F_"), so it reports
    "_x000D_" where Excel shows a carriage return.
  * hand_case_names.xlsx: OPC part names are case-insensitive (ECMA-376 Part 2, 9.1.1.1),
    so a relationship Target "worksheets/sheet1.xml" names the zip entry
    "xl/Worksheets/Sheet1.xml". openpyxl looks entries up case-sensitively and fails; the
    script records that failure instead of asserting values.
  * hand_sst_custom_name.xlsx: the shared string part is found through its relationship
    (xl/strings/shared.xml). openpyxl finds it through [Content_Types].xml; calamine 0.38
    only ever looks at <workbook dir>/sharedStrings.xml, so it sees no strings there.
"""
import datetime as dt
import io
import os
import random
import warnings
import zipfile
from xml.sax.saxutils import escape, quoteattr

import openpyxl
import xlsxwriter
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures",
                   "xlsx_variants")
os.makedirs(OUT, exist_ok=True)

FIXED_TIME = dt.datetime(2024, 1, 2, 3, 4, 5)
ZIP_DATE = (2024, 1, 2, 3, 4, 6)

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = NS_REL + "/"
CT_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_SST = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# (file name, what it exercises) in the order written; README.md is made from this.
DESCRIPTIONS = []
# file name -> list of (sheet, coordinate, value openpyxl must read) for hand-written files
CHECKS = {}
# file name -> note printed instead of failing when openpyxl cannot open the file
OPENPYXL_REFUSES = {}


def describe(name, text):
    DESCRIPTIONS.append((name, text))
    return os.path.join(OUT, name)


# --------------------------------------------------------------------------- data

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vàng", "Lò", "Giàng", "Sùng", "Lý",
          "Triệu", "Hà", "Nông", "Ma"]
MID_M = ["Văn", "Quốc", "Minh", "Đức", "A"]
MID_F = ["Thị", "Ngọc", "Thu", "Mỹ"]
GIVEN_M = ["An", "Páo", "Dũng", "Việt", "Khải", "Sính", "Chứ", "Hùng", "Tuấn"]
GIVEN_F = ["Hồng", "Mai", "Lan", "Dở", "Súa", "Thuỷ", "Hoa", "Nga"]
ETHNIC = ["Kinh", "Tày", "Thái", "Mường", "H'Mông", "Dao", "Nùng", "Giáy"]
VILLAGE = ["Thôn Nà Lừa", "Bản Phố", "Tổ 3", "Thôn Khuổi Vin", "Thôn Lũng Cú",
           "Tổ 12 - P. Quang Trung"]
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Số định danh cá nhân",
          "Họ tên cha", "Họ tên mẹ", "Thôn/Tổ"]
EPOCH_1900 = dt.date(1899, 12, 30)


def serial(d, epoch=EPOCH_1900):
    return (d - epoch).days


def children(n=50, seed=2012):
    """Rows of (name, dob, dob kind, gender, ethnicity, id, id kind, father, mother, village).
    dob kind: date | text | text_iso | serial | year; id kind: text | number | empty."""
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        male = rnd.random() < 0.5
        fam = rnd.choice(FAMILY)
        name = f"{fam} {rnd.choice(MID_M if male else MID_F)} {rnd.choice(GIVEN_M if male else GIVEN_F)}"
        dob = dt.date(2008, 1, 1) + dt.timedelta(days=rnd.randrange(0, 13 * 365))
        dob_kind = ["date", "date", "text", "text_iso", "serial", "date", "year"][i % 7]
        century = 2 if male else 3
        ident = f"002{century}{dob.year % 100:02d}{rnd.randrange(0, 10**6):06d}"
        id_kind = ["text", "number", "text", "empty"][i % 4]
        father = "" if i % 9 == 4 else f"{fam} {rnd.choice(MID_M)} {rnd.choice(GIVEN_M)}"
        mother = f"{rnd.choice(FAMILY)} {rnd.choice(MID_F)} {rnd.choice(GIVEN_F)}"
        rows.append((name, dob, dob_kind, "Nam" if male else "Nữ", rnd.choice(ETHNIC), ident,
                     id_kind, father, mother, rnd.choice(VILLAGE)))
    return rows


# --------------------------------------------------------------------------- packages

class Pkg:
    """Parts of an OPC package, written with zipfile. ctypes: part name -> content type."""

    def __init__(self):
        self.parts = {}
        self.ctypes = {}
        self.content_types = None  # overrides the generated [Content_Types].xml

    def add(self, name, data, ctype=None):
        self.parts[name] = data.encode("utf-8") if isinstance(data, str) else data
        if ctype:
            self.ctypes["/" + name] = ctype

    def types_xml(self):
        if self.content_types is not None:
            return self.content_types
        over = "".join(f'<Override PartName="{p}" ContentType="{c}"/>'
                       for p, c in self.ctypes.items())
        return (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>' + over + "</Types>")

    def write(self, path, compression=zipfile.ZIP_DEFLATED, stored=(), streamed=False):
        entries = [("[Content_Types].xml", self.types_xml().encode("utf-8"))]
        entries += list(self.parts.items())
        buf = io.BytesIO()
        target = _Unseekable(buf) if streamed else buf
        with zipfile.ZipFile(target, "w") as z:
            for name, data in entries:
                info = zipfile.ZipInfo(name, ZIP_DATE)
                info.compress_type = zipfile.ZIP_STORED if name in stored else compression
                info.external_attr = 0o644 << 16
                z.writestr(info, data)
        with open(path, "wb") as f:
            f.write(buf.getvalue())


class _Unseekable(io.RawIOBase):
    """A stream zipfile cannot seek in: it then writes data descriptors (flag bit 3)."""

    def __init__(self, buf):
        self.buf = buf

    def writable(self):
        return True

    def write(self, b):
        return self.buf.write(b)

    def tell(self):
        return self.buf.tell()

    def seekable(self):
        return False

    def seek(self, *a):
        raise OSError("not seekable")

    def flush(self):
        pass


def rels(items):
    """items: (Id, type suffix or full type, Target[, extra attrs])."""
    out = [DECL, f'<Relationships xmlns="{NS_PKG_REL}">']
    for it in items:
        rid, typ, target = it[:3]
        typ = typ if "://" in typ else REL + typ
        out.append(f'<Relationship Id="{rid}" Type="{typ}" Target="{target}"/>')
    out.append("</Relationships>")
    return "".join(out)


def workbook_xml(sheets, workbook_pr="", prefix=""):
    """sheets: (name, rId, sheetId, state or None)."""
    p = prefix + ":" if prefix else ""
    xmlns = f'xmlns:{prefix}="{NS_MAIN}"' if prefix else f'xmlns="{NS_MAIN}"'
    s = "".join(
        f'<{p}sheet name={quoteattr(n)} sheetId="{sid}"'
        + (f' state="{st}"' if st else "") + f' r:id="{rid}"/>'
        for n, rid, sid, st in sheets)
    return (DECL + f'<{p}workbook {xmlns} xmlns:r="{NS_REL}">{workbook_pr}'
            f'<{p}bookViews><{p}workbookView/></{p}bookViews><{p}sheets>{s}</{p}sheets></{p}workbook>')


def worksheet(rows, before="", after="", root_attrs="", decl=DECL):
    return (decl + f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_REL}"{root_attrs}>{before}'
            f"<sheetData>{rows}</sheetData>{after}</worksheet>")


def styles_xml(numfmts=(), xfs=(0,)):
    """numfmts: (id, code); xfs: numFmtId of each cellXfs entry (index = s attribute)."""
    nf = ""
    if numfmts:
        nf = f'<numFmts count="{len(numfmts)}">' + "".join(
            f'<numFmt numFmtId="{i}" formatCode={quoteattr(c)}/>' for i, c in numfmts) + "</numFmts>"
    x = "".join(
        f'<xf numFmtId="{i}" fontId="0" fillId="0" borderId="0" xfId="0"'
        + (' applyNumberFormat="1"' if i else "") + "/>" for i in xfs)
    return (DECL + f'<styleSheet xmlns="{NS_MAIN}">{nf}'
            '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
            '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{x}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>")


def sst_xml(items, unique=True, count=None):
    """items: raw XML of each <si> (the whole element)."""
    attrs = ""
    if count is not None:
        attrs += f' count="{count}"'
    if unique:
        attrs += f' uniqueCount="{len(items)}"'
    return DECL + f'<sst xmlns="{NS_MAIN}"{attrs}>' + "".join(items) + "</sst>"


def si(text):
    sp = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    return f"<si><t{sp}>{escape(text)}</t></si>"


class Strings:
    """A shared string table built while writing cells."""

    def __init__(self):
        self.index = {}
        self.items = []

    def __call__(self, text):
        if text not in self.index:
            self.index[text] = len(self.items)
            self.items.append(si(text))
        return self.index[text]


def simple_book(sheets, sst=None, styles=None, workbook_pr=""):
    """sheets: (name, worksheet xml[, state]). Standard paths under xl/."""
    pkg = Pkg()
    pkg.add("_rels/.rels", rels([("rId1", "officeDocument", "xl/workbook.xml")]))
    wb_rels, wb_sheets = [], []
    for i, sh in enumerate(sheets, start=1):
        name, xml = sh[0], sh[1]
        state = sh[2] if len(sh) > 2 else None
        wb_rels.append((f"rId{i}", "worksheet", f"worksheets/sheet{i}.xml"))
        wb_sheets.append((name, f"rId{i}", i, state))
        pkg.add(f"xl/worksheets/sheet{i}.xml", xml, CT_SHEET)
    n = len(sheets)
    if styles is not None:
        wb_rels.append((f"rId{n + 1}", "styles", "styles.xml"))
        pkg.add("xl/styles.xml", styles, CT_STYLES)
    if sst is not None:
        wb_rels.append((f"rId{n + 2}", "sharedStrings", "sharedStrings.xml"))
        pkg.add("xl/sharedStrings.xml", sst, CT_SST)
    pkg.add("xl/workbook.xml", workbook_xml(wb_sheets, workbook_pr), CT_MAIN)
    pkg.add("xl/_rels/workbook.xml.rels", rels(wb_rels))
    return pkg


def col(n):
    """1 -> A"""
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def inl(ref, text, extra=""):
    sp = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}" t="inlineStr"{extra}><is><t{sp}>{escape(text)}</t></is></c>'


def num(ref, v, s=None, t=None):
    return (f'<c r="{ref}"' + (f' s="{s}"' if s is not None else "")
            + (f' t="{t}"' if t else "") + f"><v>{v}</v></c>")


def sref(ref, i, s=None):
    return f'<c r="{ref}"' + (f' s="{s}"' if s is not None else "") + f' t="s"><v>{i}</v></c>'


def row(r, cells, extra=""):
    return f'<row r="{r}"{extra}>' + "".join(cells) + "</row>"


# --------------------------------------------------------------------------- openpyxl

def openpyxl_types():
    path = describe("openpyxl_types.xlsx",
                    "openpyxl: inline strings (t=\"inlineStr\"), ints, 12-digit and 11-digit IDs as numbers, "
                    "decimals, negatives, 1.5e10, booleans (t=\"b\"), error strings (t=\"e\"), formulas (<f>, no <v>), "
                    "dates with formats 14/22/dd/mm/yyyy/d/m/yyyy;@/\"Năm\" yyyy, [h]:mm duration, 0.00, text with spaces/newline")
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = FIXED_TIME
    ws = wb.active
    ws.title = "Dữ liệu"
    ws.append(["Kiểu", "Giá trị", "Ghi chú"])
    d = dt.datetime(2012, 3, 5)
    rows = [
        ("text", "Nguyễn Thị Hồng", None),
        ("text spaces", "  Lò Văn Páo  ", None),
        ("text newline", "Hà Giang\nViệt Nam", None),
        ("int", 42, None),
        ("id 12 digits", 100212000045, None),
        ("id 11 digits", 79215000001, None),
        ("decimal", 32.75, None),
        ("negative", -3.25, None),
        ("exponent", 1.5e10, None),
        ("tiny", 1.25e-7, None),
        ("bool true", True, None),
        ("bool false", False, None),
        ("formula", "=B5*2", None),
        ("formula text", '="Hà "&"Giang"', None),
        ("date 14", d, "mm-dd-yy"),
        ("datetime 22", dt.datetime(2012, 3, 5, 14, 30), "m/d/yy h:mm"),
        ("date dd/mm/yyyy", d, "dd/mm/yyyy"),
        ("date d/m/yyyy;@", d, "d/m/yyyy;@"),
        ("date quoted", d, '"Năm" yyyy'),
        ("duration [h]:mm", dt.timedelta(hours=36, minutes=15), "[h]:mm"),
        ("0.00", 40973, "0.00"),
        ("text date", "05/03/2012", None),
    ]
    for label, v, fmt in rows:
        ws.append([label, v])
        if fmt:
            ws.cell(row=ws.max_row, column=2).number_format = fmt
    for e in ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]:
        ws.append(["error", e])
    ws["C2"] = None
    ws["C3"].font = Font(bold=True)  # style-only cell: <c r="C3" s="1"/>
    wb.save(path)
    CHECKS["openpyxl_types.xlsx"] = [(0, "B3", "  Lò Văn Páo  "), (0, "B7", 79215000001), (0, "B12", True),
                                     (0, "B16", dt.datetime(2012, 3, 5)), (0, "B21", dt.timedelta(hours=36, minutes=15)),
                                     (0, "B24", "#N/A"), (0, "B14", None)]


def openpyxl_iso_dates():
    path = describe("openpyxl_iso_dates.xlsx",
                    "openpyxl with wb.iso_dates: t=\"d\" cells \"2012-03-05\" (date) and \"2012-03-05T00:00:00\" / "
                    "\"2012-03-05T14:30:00\" (datetime), with and without a date number format")
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = FIXED_TIME
    wb.iso_dates = True
    ws = wb.active
    ws.title = "Ngày ISO"
    ws.append(["Họ và tên", "Ngày sinh"])
    ws.append(["Nguyễn Thị Hồng", dt.date(2012, 3, 5)])
    ws.append(["Lò Văn Páo", dt.datetime(2012, 3, 5)])
    ws.append(["Vàng Thị Súa", dt.datetime(2012, 3, 5, 14, 30)])
    ws.append(["Giàng A Chứ", dt.date(2020, 2, 29)])
    ws["B3"].number_format = "dd/mm/yyyy"
    ws["B4"].number_format = "General"
    wb.save(path)


def openpyxl_rich_text():
    path = describe("openpyxl_rich_text.xlsx",
                    "openpyxl CellRichText: inline rich strings <is><r><rPr><b/>..</rPr><t>..</t></r>..</is>, "
                    "runs with leading/trailing spaces, a run without rPr")
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = FIXED_TIME
    ws = wb.active
    ws.title = "Rich"
    bold = InlineFont(b=True)
    red = InlineFont(color="FFFF0000", i=True)
    ws["A1"] = CellRichText(TextBlock(bold, "Nguyễn"), " Thị ", TextBlock(red, "Hồng"))
    ws["A2"] = CellRichText("Lò Văn ", TextBlock(bold, "Páo "))
    ws["A3"] = CellRichText(TextBlock(bold, "Hà"), TextBlock(red, " Giang"))
    ws["B1"] = "plain"
    wb.save(path)


def openpyxl_1904_sheets():
    path = describe("openpyxl_1904_sheets.xlsx",
                    "openpyxl, 1904 date system (date1904=\"1\"); first sheet empty, data on the second; "
                    "a hidden sheet; sheet name with & and Vietnamese letters; merged title A1:C1")
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = FIXED_TIME
    wb.epoch = CALENDAR_MAC_1904
    wb.active.title = "Trống"
    ws = wb.create_sheet("Lớp 1&2 – Hà Giang")
    ws["A1"] = "DANH SÁCH TRẺ EM"
    ws.merge_cells("A1:C1")
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(["Họ và tên", "Ngày sinh", "Giờ"])
    ws.append(["Nguyễn Thị Hồng", dt.date(2012, 3, 5), dt.time(7, 30)])
    ws.append(["Lò Văn Páo", dt.date(1904, 1, 2), dt.time(0, 0)])
    ws["B3"].number_format = "dd/mm/yyyy"
    ws["B4"].number_format = "dd/mm/yyyy"
    ws["C3"].number_format = "hh:mm"
    hidden = wb.create_sheet("Ẩn")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "Sheet ẩn"
    hidden["B1"] = dt.date(2012, 3, 5)
    wb.save(path)


# --------------------------------------------------------------------------- XlsxWriter

def xw_book(path, **opts):
    wb = xlsxwriter.Workbook(path, opts)
    wb.set_properties({"created": FIXED_TIME})
    return wb


def xlsxwriter_types():
    path = describe("xlsxwriter_types.xlsx",
                    "XlsxWriter: shared strings (t=\"s\"), rich shared strings, xml:space strings, newlines, "
                    "CR and \\x01 as _x000D_/_x0001_ (tab raw), a literal \"_x000D_\" escaped as _x005F_x000D_, numbers, "
                    "booleans, formulas with cached <v> (number, t=\"str\", t=\"b\", t=\"e\", empty <v></v>), style-only blanks")
    wb = xw_book(path)
    ws = wb.add_worksheet("Kiểu ô")
    bold = wb.add_format({"bold": True})
    red = wb.add_format({"color": "red"})
    ws.write_string(0, 0, "Nguyễn Thị Hồng")
    ws.write_string(1, 0, "  Lò Văn Páo  ")
    ws.write_string(2, 0, "Hà Giang\nViệt Nam")
    ws.write_string(3, 0, "Dòng 1\r\nDòng 2")
    ws.write_string(4, 0, "cột\tcột\x01")
    ws.write_string(5, 0, "mã _x000D_ giữ nguyên")
    ws.write_string(6, 0, "A & B <c> \"d\" 'e'")
    ws.write_rich_string(7, 0, bold, "Nguyễn", " Thị ", red, "Hồng")
    ws.write_string(8, 0, "Nguyễn Thị Hồng")  # repeated: same sst index
    ws.write_number(0, 1, 79215000001)
    ws.write_number(1, 1, 100212000045)
    ws.write_number(2, 1, -3.25)
    ws.write_number(3, 1, 1.5e10)
    ws.write_number(4, 1, 0.1 + 0.2)
    ws.write_number(5, 1, 1e-7)
    ws.write_boolean(6, 1, True)
    ws.write_boolean(7, 1, False)
    ws.write_formula(0, 2, "=B1*2", None, 158430000002)
    ws.write_formula(1, 2, '="Hà "&"Giang"', None, "Hà Giang")
    ws.write_formula(2, 2, "=B3<0", None, True)
    ws.write_formula(3, 2, "=1/0", None, "#DIV/0!")
    ws.write_formula(4, 2, "=NA()", None, "#N/A")
    ws.write_formula(5, 2, "=B6*0", None, "")
    ws.write_formula(6, 2, "=B1")  # default cached value 0
    ws.write_blank(8, 2, None, bold)  # style-only cell
    ws.write_string(9, 3, "")  # XlsxWriter writes nothing for ""
    ws.write_number(9, 4, 7)
    wb.close()
    CHECKS["xlsxwriter_types.xlsx"] = [(0, "A2", "  Lò Văn Páo  "), (0, "A6", "mã _x000D_ giữ nguyên"),
                                       (0, "A8", "Nguyễn Thị Hồng"), (0, "C2", "Hà Giang"), (0, "C3", True),
                                       (0, "C4", "#DIV/0!"), (0, "B1", 79215000001)]


def xlsxwriter_constant_memory():
    path = describe("xlsxwriter_constant_memory.xlsx",
                    "XlsxWriter constant_memory: inline strings (t=\"inlineStr\"), inline rich strings, "
                    "xml:space=\"preserve\", _x escapes, numbers, booleans, no sharedStrings.xml")
    wb = xw_book(path, constant_memory=True)
    ws = wb.add_worksheet("Danh sách")
    bold = wb.add_format({"bold": True})
    ws.write_row(0, 0, ["STT", "Họ và tên", "Dân tộc", "Số định danh cá nhân"])
    ws.write_row(1, 0, [1, "Nguyễn Thị Hồng", "Kinh", "002312000123"])
    ws.write_row(2, 0, [2, "  Lò Văn Páo ", "Thái", 79215000001])
    ws.write_rich_string(3, 1, bold, "Vàng", " Thị Súa")
    ws.write_string(3, 2, "H'Mông")
    ws.write_boolean(3, 3, True)
    ws.write_string(4, 1, "Tab\tvà CR\r")
    ws.write_string(4, 2, "_x0041_ literal")
    wb.close()


def xlsxwriter_dates_1904():
    path = describe("xlsxwriter_dates_1904.xlsx",
                    "XlsxWriter date_1904: dates with built-in formats 14 and 22, dd/mm/yyyy, [h]:mm, mm:ss, "
                    "General serials, 0.00, formats with quoted text (\"Năm\" yyyy, 0 \"ngày\"), [$-42A] locale")
    wb = xw_book(path, date_1904=True)
    ws = wb.add_worksheet("Ngày 1904")
    fmts = [
        ("id 14", {"num_format": 14}),
        ("id 22", {"num_format": 22}),
        ("dd/mm/yyyy", {"num_format": "dd/mm/yyyy"}),
        ("d/m/yyyy;@", {"num_format": "d/m/yyyy;@"}),
        ('"Năm" yyyy', {"num_format": '"Năm" yyyy'}),
        ("[$-42A]dd/mm/yyyy", {"num_format": "[$-42A]dd/mm/yyyy"}),
        ("General", {}),
        ("0.00", {"num_format": "0.00"}),
        ('0 "ngày"', {"num_format": '0 "ngày"'}),
    ]
    d = dt.datetime(2012, 3, 5, 14, 30)
    for r, (label, f) in enumerate(fmts):
        ws.write_string(r, 0, label)
        ws.write_datetime(r, 1, d, wb.add_format(f))
    r = len(fmts)
    ws.write_string(r, 0, "[h]:mm")
    ws.write_datetime(r, 1, dt.timedelta(hours=36, minutes=15), wb.add_format({"num_format": "[h]:mm"}))
    ws.write_string(r + 1, 0, "mm:ss")
    ws.write_number(r + 1, 1, 0.0105, wb.add_format({"num_format": 47}))
    ws.write_string(r + 2, 0, "serial 0 dd/mm/yyyy")
    ws.write_number(r + 2, 1, 0, wb.add_format({"num_format": "dd/mm/yyyy"}))
    ws.write_string(r + 3, 0, "text in date column")
    ws.write_string(r + 3, 1, "05/03/2012", wb.add_format({"num_format": "dd/mm/yyyy"}))
    wb.close()


def xlsxwriter_chartsheet():
    path = describe("xlsxwriter_chartsheet.xlsx",
                    "XlsxWriter: a chart sheet first (xl/chartsheets/sheet1.xml), a hidden worksheet, then the data sheet")
    wb = xw_book(path)
    cs = wb.add_chartsheet("Biểu đồ")
    hidden = wb.add_worksheet("Ẩn")
    hidden.write_string(0, 0, "ẩn")
    hidden.hide()
    ws = wb.add_worksheet("Số liệu")
    ws.write_row(0, 0, ["Thôn/Tổ", "Số trẻ"])
    for i, (v, n) in enumerate([("Thôn Nà Lừa", 12), ("Bản Phố", 7), ("Tổ 3", 21)], start=1):
        ws.write_row(i, 0, [v, n])
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"categories": "='Số liệu'!$A$2:$A$4", "values": "='Số liệu'!$B$2:$B$4"})
    cs.set_chart(chart)
    cs.activate()
    wb.close()


def xlsxwriter_children():
    path = describe("xlsxwriter_children_list.xlsx",
                    "XlsxWriter children list: 2 merged title rows, blank row, header at row 4, 50 children; "
                    "dates as date cells/text \"05/03/2012\"/ISO text/bare serial/year number; IDs as text, "
                    "as numbers and empty; merged cells over the title")
    wb = xw_book(path)
    ws = wb.add_worksheet("DS trẻ em")
    title = wb.add_format({"bold": True, "align": "center"})
    date = wb.add_format({"num_format": "dd/mm/yyyy"})
    head = wb.add_format({"bold": True, "border": 1})
    ws.merge_range(0, 0, 0, 8, "UBND XÃ LŨNG CÚ - HUYỆN ĐỒNG VĂN - TỈNH HÀ GIANG", title)
    ws.merge_range(1, 0, 1, 8, "DANH SÁCH TRẺ EM TRONG ĐỘ TUỔI ĐI HỌC NĂM 2024", title)
    ws.write_row(3, 0, HEADER, head)
    for i, (name, dob, dk, g, eth, ident, ik, fa, mo, vil) in enumerate(children(), start=1):
        r = 3 + i
        ws.write_number(r, 0, i)
        ws.write_string(r, 1, name)
        if dk == "date":
            ws.write_datetime(r, 2, dt.datetime.combine(dob, dt.time()), date)
        elif dk == "text":
            ws.write_string(r, 2, dob.strftime("%d/%m/%Y"))
        elif dk == "text_iso":
            ws.write_string(r, 2, dob.isoformat())
        elif dk == "serial":
            ws.write_number(r, 2, serial(dob))
        else:
            ws.write_number(r, 2, dob.year)
        ws.write_string(r, 3, g)
        ws.write_string(r, 4, eth)
        if ik == "text":
            ws.write_string(r, 5, ident)
        elif ik == "number":
            ws.write_number(r, 5, int(ident))
        if fa:
            ws.write_string(r, 6, fa)
        ws.write_string(r, 7, mo)
        ws.write_string(r, 8, vil)
    wb.close()


# --------------------------------------------------------------------------- hand-written

ERRORS = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]


def hand_cell_types():
    name = "hand_cell_types.xlsx"
    path = describe(name,
                    "hand XML: every cell type: t=\"s\", inlineStr (plain and rich runs), t=\"str\" with and without <f>, "
                    "t=\"b\" 0/1, all 7 errors t=\"e\", numbers without t and with t=\"n\" (int, 79215000001, decimals, "
                    "negative, 1.5E+10, 1E-3, 7.9215000001E+10), ISO t=\"d\" date/datetime, empty <v/>")
    sst = Strings()
    a = sst("Nguyễn Thị Hồng")
    b = sst("Hà Giang")
    rows = [
        row(1, [sref("A1", a), sref("B1", b)]),
        row(2, [inl("A2", "Lò Văn Páo"),
                '<c r="B2" t="inlineStr"><is><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr>'
                '<t>Vàng</t></r><r><t xml:space="preserve"> Thị </t></r><r><rPr><i/></rPr><t>Súa</t></r></is></c>']),
        row(3, ['<c r="A3" t="str"><f>"Hà "&amp;"Giang"</f><v>Hà Giang</v></c>',
                '<c r="B3" t="str"><v>Đồng Văn</v></c>',
                '<c r="C3" t="str"><f>B9&amp;""</f><v>12</v></c>']),
        row(4, ['<c r="A4" t="b"><v>1</v></c>', '<c r="B4" t="b"><v>0</v></c>',
                '<c r="C4" t="b"><f>1=1</f><v>1</v></c>']),
        row(5, [f'<c r="{col(i + 1)}5" t="e"><v>{escape(e)}</v></c>' for i, e in enumerate(ERRORS)]
            + ['<c r="H5" t="e"><f>1/0</f><v>#DIV/0!</v></c>']),
        row(6, [num("A6", "42"), num("B6", "79215000001"), num("C6", "32.75"), num("D6", "-3.25"),
                num("E6", "1.5E+10"), num("F6", "1E-3"), num("G6", "7.9215000001E+10"),
                num("H6", "0.30000000000000004"), num("I6", "-0")]),
        row(7, [num("A7", "42", t="n"), num("B7", "79215000001", t="n"), num("C7", "-1.25E-2", t="n"),
                num("D7", "100212000045", t="n"), num("E7", "2.5", t="n")]),
        row(8, ['<c r="A8" t="d"><v>2012-03-05</v></c>', '<c r="B8" t="d"><v>2012-03-05T00:00:00</v></c>',
                '<c r="C8" t="d" s="1"><v>2012-03-05T14:30:00</v></c>', '<c r="D8" t="d"><v>2020-02-29</v></c>']),
        row(9, ['<c r="A9"><v/></c>', '<c r="B9" t="n"><v></v></c>', '<c r="C9" t="s"/>',
                '<c r="D9" t="inlineStr"/>', num("E9", "7")]),
    ]
    styles = styles_xml([(164, "dd/mm/yyyy hh:mm")], [0, 164])
    pkg = simple_book([("Kiểu ô", worksheet("".join(rows), before='<dimension ref="A1:I9"/>'))],
                      sst_xml(sst.items, count=2), styles)
    pkg.write(path)
    CHECKS[name] = [
        (0, "A1", "Nguyễn Thị Hồng"), (0, "B1", "Hà Giang"), (0, "A2", "Lò Văn Páo"),
        (0, "B2", "Vàng Thị Súa"), (0, "A3", "Hà Giang"), (0, "B3", "Đồng Văn"), (0, "A4", True),
        (0, "B4", False), (0, "A5", "#N/A"), (0, "G5", "#NULL!"), (0, "A6", 42), (0, "B6", 79215000001),
        (0, "E6", 1.5e10), (0, "F6", 0.001), (0, "G6", 79215000001), (0, "C7", -0.0125),
        (0, "A8", dt.date(2012, 3, 5)), (0, "B8", dt.datetime(2012, 3, 5)), (0, "C8", dt.datetime(2012, 3, 5, 14, 30)), (0, "E9", 7),
    ]


def hand_date_formats():
    name = "hand_date_formats.xlsx"
    path = describe(name,
                    "hand XML styles: numbers under built-in 14, 15, 22, 45, 46, 47, 49 (@), 30 (CJK), custom dd/mm/yyyy, "
                    "d/m/yyyy;@, [h]:mm, [$-42A]dd/mm/yyyy, \"Năm\" yyyy, 0 \"ngày\", [Red]0.00 (no date), 0.00, "
                    "#,##0; serials 0, 1, 59, 60, 61 (the 1900 leap-day bug); a string and a boolean under a date style")
    fmts = [(164, "dd/mm/yyyy"), (165, "d/m/yyyy;@"), (166, "[h]:mm"), (167, '"Năm" yyyy'),
            (168, '0 "ngày"'), (169, "[Red]0.00;[Blue]-0.00"), (170, "0.00"), (171, "#,##0"),
            (172, "[$-42A]dd/mm/yyyy"), (173, "yyyy-mm-dd\\ hh:mm:ss"), (174, "mm:ss.0")]
    xfs = [0, 14, 15, 22, 45, 46, 47, 49, 30, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174]
    labels = ["General", "14 m/d/yyyy", "15 d-mmm-yy", "22 m/d/yy h:mm", "45 mm:ss", "46 [h]:mm:ss",
              "47 mmss.0", "49 @", "30 m/d/yy (CJK)", "dd/mm/yyyy", "d/m/yyyy;@", "[h]:mm", '"Năm" yyyy',
              '0 "ngày"', "[Red]0.00;[Blue]-0.00", "0.00", "#,##0", "[$-42A]dd/mm/yyyy",
              "yyyy-mm-dd\\ hh:mm:ss", "mm:ss.0"]
    rows = []
    for s, lab in enumerate(labels):
        r = s + 1
        rows.append(row(r, [inl(f"A{r}", lab), num(f"B{r}", "40973", s=s), num(f"C{r}", "40973.6041666667", s=s),
                            num(f"D{r}", "1.5", s=s)]))
    r = len(labels) + 1
    rows.append(row(r, [inl(f"A{r}", "serials 0 1 59 60 61")] +
                    [num(f"{col(i + 2)}{r}", v, s=9) for i, v in enumerate(["0", "1", "59", "60", "61"])]))
    rows.append(row(r + 1, [inl(f"A{r + 1}", "text and bool under dd/mm/yyyy"),
                            f'<c r="B{r + 1}" s="9" t="inlineStr"><is><t>05/03/2012</t></is></c>',
                            f'<c r="C{r + 1}" s="9" t="b"><v>1</v></c>',
                            f'<c r="D{r + 1}" s="9" t="e"><v>#N/A</v></c>']))
    rows.append(row(r + 2, [inl(f"A{r + 2}", "negative under dd/mm/yyyy"), num(f"B{r + 2}", "-1", s=9)]))
    pkg = simple_book([("Định dạng ngày", worksheet("".join(rows)))], None, styles_xml(fmts, xfs))
    pkg.write(path)
    CHECKS[name] = [
        (0, "B1", 40973), (0, "B2", dt.datetime(2012, 3, 5)), (0, "B10", dt.datetime(2012, 3, 5)),
        (0, "B11", dt.datetime(2012, 3, 5)), (0, "D12", dt.timedelta(hours=36)),
        (0, "B16", 40973), (0, "B22", "05/03/2012"), (0, "C22", True),
    ]


def hand_1904():
    name = "hand_1904_true.xlsx"
    path = describe(name,
                    "hand XML, workbookPr date1904=\"true\" (boolean spelled as a word), dates/times/durations in "
                    "the 1904 system, shared strings")
    sst = Strings()
    rows = [
        row(1, [sref("A1", sst("Họ và tên")), sref("B1", sst("Ngày sinh")), sref("C1", sst("Giờ")),
                sref("D1", sst("Thời lượng"))]),
        row(2, [sref("A2", sst("Nguyễn Thị Hồng")), num("B2", serial(dt.date(2012, 3, 5), dt.date(1904, 1, 1)), s=1),
                num("C2", "0.3125", s=2), num("D2", "1.25", s=3)]),
        row(3, [sref("A3", sst("Lò Văn Páo")), num("B3", "0", s=1), num("C3", "1.5", s=2), num("D3", "0", s=3)]),
        row(4, [sref("A4", sst("Vàng Thị Súa")), num("B4", "1", s=1), num("C4", "39511", s=0)]),
    ]
    styles = styles_xml([(164, "dd/mm/yyyy"), (165, "[h]:mm")], [0, 164, 20, 165])
    pkg = simple_book([("1904", worksheet("".join(rows)))], sst_xml(sst.items), styles,
                      workbook_pr='<workbookPr date1904="true" defaultThemeVersion="166925"/>')
    pkg.write(path)
    CHECKS[name] = [(0, "A2", "Nguyễn Thị Hồng"), (0, "B2", dt.datetime(2012, 3, 5)),
                    (0, "B4", dt.datetime(1904, 1, 2)), (0, "C4", 39511)]


# (raw XML inside <si> or <is>, what Excel shows, what openpyxl 3.1.5 reads, label)
TEXT_EDGES = [
    ('<t xml:space="preserve">  Nguyễn Thị Hồng  </t>', "  Nguyễn Thị Hồng  ", "  Nguyễn Thị Hồng  ",
     "spaces, preserve"),
    ("<t>  Lò Văn Páo  </t>", "  Lò Văn Páo  ", None, "spaces, no preserve"),
    ("<t>\n\tDao\t\n</t>", "\n\tDao\t\n", None, "tab/newline edges, no preserve"),
    ("<t>\u00a0Nùng\u00a0</t>", "\u00a0Nùng\u00a0", None, "NBSP edges, no preserve"),
    ("<t>Hà\nGiang</t>", "Hà\nGiang", "Hà\nGiang", "raw LF"),
    ("<t>Hà\r\nGiang</t>", "Hà\nGiang", "Hà\nGiang", "raw CRLF (XML normalises to LF)"),
    ("<t>Hà\rGiang</t>", "Hà\nGiang", "Hà\nGiang", "raw lone CR (XML normalises to LF)"),
    ("<t>Hà&#13;&#10;Giang</t>", "Hà\r\nGiang", "Hà\r\nGiang", "&#13;&#10;"),
    ("<t>A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;</t>", "A & B <c> \"d\" 'e'", "A & B <c> \"d\" 'e'",
     "entities"),
    ("<t>Vi&#7879;t Nam, Vi&#x1EC7;t, Vi&#x1ec7;t, &#x1F600;</t>", "Việt Nam, Việt, Việt, \U0001F600",
     "Việt Nam, Việt, Việt, \U0001F600", "decimal and hex char refs, lower-case hex, a non-BMP ref"),
    ("<t>Dòng 1_x000D_Dòng 2_x0009_tab</t>", "Dòng 1\rDòng 2\ttab", "Dòng 1_x000D_Dòng 2_x0009_tab",
     "_x000D_ and _x0009_"),
    ("<t>mã _x005F_x000D_ giữ nguyên</t>", "mã _x000D_ giữ nguyên", "mã _x000D_ giữ nguyên",
     "_x005F_x000D_ = literal _x000D_"),
    ("<t>cười _xD83D__xDE00_</t>", "cười \U0001F600", "cười _xD83D__xDE00_", "surrogate pair _xD83D__xDE00_"),
    ("<t>thường _x000a_ và _x00e9_</t>", "thường \n và é", "thường _x000a_ và _x00e9_", "lowercase hex escapes"),
    ("<t>không phải _x12_ _xZZZZ_ _x0041 x0041_</t>", "không phải _x12_ _xZZZZ_ _x0041 x0041_",
     "không phải _x12_ _xZZZZ_ _x0041 x0041_", "not escapes"),
    ('<r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/></rPr><t>Nguyễn</t></r>'
     '<r><rPr><sz val="11"/></rPr><t xml:space="preserve"> Thị </t></r><r><t>Hồng</t></r>',
     "Nguyễn Thị Hồng", "Nguyễn Thị Hồng", "rich runs"),
    ('<r><t xml:space="preserve">Lò </t></r><r><rPr><i/></rPr><t></t></r><r><t>Văn Páo</t></r>',
     "Lò Văn Páo", "Lò Văn Páo", "rich runs with an empty run"),
    ('<t>Hà Giang</t><rPh sb="0" eb="2"><t>ハギャン</t></rPh><phoneticPr fontId="1" type="noConversion"/>',
     "Hà Giang", "Hà Giang", "phonetic run (left out)"),
    ('<r><t>Mèo</t></r><rPh sb="0" eb="1"><t>ミャオ</t></rPh><r><t xml:space="preserve"> Vạc</t></r>'
     '<phoneticPr fontId="1"/>', "Mèo Vạc", "Mèo Vạc", "phonetic run between rich runs"),
    ("<t><![CDATA[a < b & \"c\"]]></t>", 'a < b & "c"', 'a < b & "c"', "CDATA"),
    ("<t>cột&#9;cột</t>", "cột\tcột", "cột\tcột", "&#9;"),
    ("<t/>", "", None, "empty <t/>"),
    ("", "", None, "empty element (no <t>)"),
]


def text_edge_rows(cell_for):
    rows = []
    for i, (_, _, _, label) in enumerate(TEXT_EDGES):
        r = i + 1
        rows.append(row(r, [cell_for(i, r), inl(f"B{r}", label)]))
    return "".join(rows)


def text_edge_checks(col_letter, inline=False):
    # openpyxl drops "x005F_" from shared strings but not from inline strings
    return [(0, f"{col_letter}{i + 1}", op.replace("_x000D_", "_x005F_x000D_") if inline and "_x005F_" in raw else op)
            for i, (raw, _, op, _) in enumerate(TEXT_EDGES) if op is not None]


def hand_sst_text_edges():
    name = "hand_sst_text_edges.xlsx"
    path = describe(name,
                    "hand XML shared strings: spaces with/without xml:space, raw LF/CRLF/CR, &#13;&#10;, entities, "
                    "&#7879;/&#x1EC7;, _x000D_/_x0009_/_x005F_x000D_/_xD83D__xDE00_/lowercase/non-escapes, rich runs, "
                    "phonetic <rPh> (left out), CDATA, <si><t/></si>, <si/>; <sst> with count but no uniqueCount")
    items = [("<si/>" if not raw else f"<si>{raw}</si>") for raw, _, _, _ in TEXT_EDGES]
    items[-2] = "<si><t/></si>"
    rows = text_edge_rows(lambda i, r: sref(f"A{r}", i))
    pkg = simple_book([("Chuỗi chung", worksheet(rows))], sst_xml(items, unique=False, count=len(items)))
    pkg.write(path)
    CHECKS[name] = text_edge_checks("A")


def hand_inline_text_edges():
    name = "hand_inline_text_edges.xlsx"
    path = describe(name,
                    "hand XML inline strings <is>: the same text edge cases as hand_sst_text_edges.xlsx, plus "
                    "<is/> and <is></is>; no sharedStrings.xml, no styles.xml")
    rows = text_edge_rows(lambda i, r: (f'<c r="A{r}" t="inlineStr"><is>{TEXT_EDGES[i][0]}</is></c>'
                                        if TEXT_EDGES[i][0] else f'<c r="A{r}" t="inlineStr"><is/></c>'))
    n = len(TEXT_EDGES)
    rows += row(n + 1, [f'<c r="A{n + 1}" t="inlineStr"><is></is></c>', inl(f"B{n + 1}", "<is></is>")])
    pkg = simple_book([("Chuỗi nội dòng", worksheet(rows))])
    pkg.write(path)
    CHECKS[name] = text_edge_checks("A", inline=True)


def hand_ns_prefix():
    name = "hand_ns_prefix.xlsx"
    path = describe(name,
                    "hand XML, every SpreadsheetML element with an x: prefix (workbook, worksheet, sheetData, row, c, "
                    "v, f, is, t, sst, si, r, rPr, styleSheet, numFmt) as the OpenXML SDK writes it; default ns only on rels")
    X = f'xmlns:x="{NS_MAIN}"'
    sheet = (DECL + f'<x:worksheet {X} xmlns:r="{NS_REL}"><x:dimension ref="A1:D3"/><x:sheetData>'
             '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c>'
             '<x:c r="C1" t="inlineStr"><x:is><x:t>Hà Giang</x:t></x:is></x:c>'
             '<x:c r="D1" t="inlineStr"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t>Lò</x:t></x:r>'
             '<x:r><x:t xml:space="preserve"> Văn Páo</x:t></x:r></x:is></x:c></x:row>'
             '<x:row r="2"><x:c r="A2" s="1"><x:v>40973</x:v></x:c><x:c r="B2"><x:v>79215000001</x:v></x:c>'
             '<x:c r="C2" t="b"><x:v>1</x:v></x:c><x:c r="D2" t="e"><x:v>#N/A</x:v></x:c></x:row>'
             '<x:row r="3"><x:c r="A3"><x:f>B2*2</x:f><x:v>158430000002</x:v></x:c>'
             '<x:c r="B3" t="str"><x:f>C1</x:f><x:v>Hà Giang</x:v></x:c></x:row>'
             '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="C3:D3"/></x:mergeCells></x:worksheet>')
    sst = (DECL + f'<x:sst {X} count="2" uniqueCount="2"><x:si><x:t>Nguyễn Thị Hồng</x:t></x:si>'
           '<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>Vàng</x:t></x:r><x:r><x:t xml:space="preserve"> Thị Súa</x:t></x:r>'
           '<x:rPh sb="0" eb="1"><x:t>ヴァン</x:t></x:rPh></x:si></x:sst>')
    styles = (DECL + f'<x:styleSheet {X}><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
              '</x:numFmts><x:fonts count="1"><x:font><x:sz val="11"/><x:name val="Calibri"/></x:font></x:fonts>'
              '<x:fills count="1"><x:fill><x:patternFill patternType="none"/></x:fill></x:fills>'
              '<x:borders count="1"><x:border/></x:borders><x:cellStyleXfs count="1"><x:xf numFmtId="0" fontId="0" '
              'fillId="0" borderId="0"/></x:cellStyleXfs><x:cellXfs count="2"><x:xf numFmtId="0" fontId="0" fillId="0" '
              'borderId="0" xfId="0"/><x:xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" '
              'applyNumberFormat="1"/></x:cellXfs></x:styleSheet>')
    pkg = Pkg()
    pkg.add("_rels/.rels", rels([("rId1", "officeDocument", "xl/workbook.xml")]))
    pkg.add("xl/workbook.xml", workbook_xml([("Tiền tố x", "rId1", 1, None)], prefix="x"), CT_MAIN)
    pkg.add("xl/_rels/workbook.xml.rels", rels([("rId1", "worksheet", "worksheets/sheet1.xml"),
                                                 ("rId2", "sharedStrings", "sharedStrings.xml"),
                                                 ("rId3", "styles", "styles.xml")]))
    pkg.add("xl/worksheets/sheet1.xml", sheet, CT_SHEET)
    pkg.add("xl/sharedStrings.xml", sst, CT_SST)
    pkg.add("xl/styles.xml", styles, CT_STYLES)
    pkg.write(path)
    CHECKS[name] = [(0, "A1", "Nguyễn Thị Hồng"), (0, "B1", "Vàng Thị Súa"), (0, "C1", "Hà Giang"),
                    (0, "D1", "Lò Văn Páo"), (0, "A2", dt.datetime(2012, 3, 5)), (0, "B2", 79215000001),
                    (0, "C2", True), (0, "D2", "#N/A"), (0, "A3", 158430000002), (0, "B3", "Hà Giang")]


def hand_xml_shapes():
    name = "hand_xml_shapes.xlsx"
    path = describe(name,
                    "hand XML shapes: single-quoted attributes, t before r, newlines/tabs inside tags, comments and a "
                    "processing instruction in sheetData, rows without r, cells without r (also after a cell with r), "
                    "<row r=\"5\"/>, style-only cells, Excel's mc:Ignorable/x14ac attributes and spans, a lying "
                    "<dimension ref=\"A1:B2\">, mergeCells after sheetData")
    sst = Strings()
    s0, s1, s2 = sst("Nguyễn Thị Hồng"), sst("Lò Văn Páo"), sst("Hà Giang")
    body = (
        f"\n  <!-- tiêu đề -->\n"
        f"  <row r='1' spans='1:3'><c t='s' r='A1'><v>{s0}</v></c><c s=\"1\" t=\"s\" r=\"B1\"><v>{s1}</v></c></row>\n"
        f"  <row><c t='n'><v>12</v></c><c><v>13</v></c><c t=\"inlineStr\"><is><t>Vàng Thị Súa</t></is></c>"
        f"<c r='F2'><v>6</v></c><c><v>7</v></c></row>\n"
        f"  <?lamsach bỏ qua?>\n"
        f"  <row r=\"4\"\n       ht=\"20.25\"   customHeight=\"1\"\tx14ac:dyDescent=\"0.25\">\n"
        f"    <c\n      r=\"A4\"\n      t=\"s\"   >\n      <v>{s2}</v>\n    </c   >\n"
        f"    <c r=\"B4\" ><v >4.5</v ></c>\n  </row >\n"
        f"  <row r=\"5\"/>\n"
        f"  <row r=\"6\" spans=\"2:4\"><c r=\"B6\" s=\"1\"/><c r=\"C6\" s=\"1\"></c><c r=\"D6\"><v>1</v></c></row>\n"
        f"  <row><c r=\"A7\"><v>70</v></c></row>\n"
        f"  <row r=\"8\" hidden=\"1\"><c><v>80</v></c><c t=\"b\"><v>0</v></c><!-- giữa ô --><c><v>82</v></c></row>\n"
    )
    sheet = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\r\n"
             f"<worksheet xmlns=\"{NS_MAIN}\" xmlns:r=\"{NS_REL}\" "
             "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" mc:Ignorable=\"x14ac xr\" "
             "xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\" "
             "xmlns:xr=\"http://schemas.microsoft.com/office/spreadsheetml/2014/revision\" "
             "xr:uid=\"{00000000-0001-0000-0000-000000000000}\">\r\n"
             "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><dimension ref='A1:B2'/>\r\n"
             "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"><selection activeCell=\"A1\" sqref=\"A1\"/>"
             "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\" x14ac:dyDescent=\"0.25\"/>"
             "<cols><col min=\"1\" max=\"1\" width=\"25.7109375\" customWidth=\"1\"/></cols>\r\n"
             f"<sheetData>{body}</sheetData>\r\n"
             "<mergeCells count='1'><mergeCell ref='A1:C1'/></mergeCells>"
             "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
             "</worksheet>")
    styles = styles_xml([], [0, 0])
    pkg = simple_book([("Hình dạng XML", sheet)], sst_xml(sst.items), styles)
    pkg.write(path)
        # B1 holds "Lò Văn Páo" but lies under the merge A1:C1: openpyxl blanks it, calamine keeps it
    CHECKS[name] = [(0, "A1", "Nguyễn Thị Hồng"), (0, "B1", None), (0, "A2", 12), (0, "B2", 13),
                    (0, "C2", "Vàng Thị Súa"), (0, "F2", 6), (0, "G2", 7), (0, "A4", "Hà Giang"), (0, "B4", 4.5),
                    (0, "D6", 1), (0, "A7", 70), (0, "A8", 80), (0, "B8", False), (0, "C8", 82)]


def hand_formulas():
    name = "hand_formulas.xlsx"
    path = describe(name,
                    "hand XML formulas: cached <v> after and before <f>, shared formulas (t=\"shared\" si ref), an "
                    "array formula, <f> without <v>, t=\"str\" with empty <v/> and with no <v>, t=\"e\"/t=\"b\" results")
    rows = [
        row(1, [num("A1", "1"), '<c r="B1"><f>A1*2</f><v>2</v></c>',
                '<c r="C1"><f t="array" ref="C1:C3">A1:A3*10</f><v>10</v></c>']),
        row(2, [num("A2", "2"), '<c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>4</v></c>',
                '<c r="C2"><v>20</v></c>']),
        row(3, [num("A3", "3"), '<c r="B3"><f t="shared" si="0"/><v>6</v></c>', '<c r="C3"><v>30</v></c>']),
        row(4, ['<c r="B4"><v>8</v><f t="shared" si="0"/></c>', '<c r="C4" t="str"><v>Hà Giang</v><f>"Hà Giang"</f></c>']),
        row(5, ['<c r="A5" t="str"><f>"Nguyễn "&amp;"Thị Hồng"</f><v>Nguyễn Thị Hồng</v></c>',
                '<c r="B5" t="str"><f>""</f><v></v></c>', '<c r="C5" t="str"><f>A9</f><v/></c>',
                '<c r="D5" t="e"><f>1/0</f><v>#DIV/0!</v></c>', '<c r="E5" t="b"><f>TRUE()</f><v>1</v></c>',
                '<c r="F5" t="e"><f>VLOOKUP("x",A1:B2,2,0)</f><v>#N/A</v></c>']),
        row(6, ['<c r="A6"><f>SUM(A1:A3)</f></c>', '<c r="B6" t="str"><f>A5&amp;"!"</f></c>',
                '<c r="C6"><f>A1+1</f><v></v></c>', '<c r="D6" s="0"><f aca="false">A1+2</f><v>3</v></c>']),
    ]
    pkg = simple_book([("Công thức", worksheet("".join(rows)))], None, styles_xml())
    pkg.write(path)
    CHECKS[name] = [(0, "B1", 2), (0, "C1", 10), (0, "B2", 4), (0, "B3", 6), (0, "B4", 8), (0, "C4", "Hà Giang"),
                    (0, "A5", "Nguyễn Thị Hồng"), (0, "D5", "#DIV/0!"), (0, "E5", True), (0, "A6", None),
                    (0, "D6", 3)]


def hand_wide_row():
    name = "hand_wide_row.xlsx"
    path = describe(name,
                    "hand XML: a 200-column row A..GR mixing numbers, shared and inline strings; a second row with "
                    "cells at Z, AA, AZ, BA, ZZ, AAA; a row whose cells have no r and run past Z")
    sst = Strings()
    cells = []
    for c in range(1, 201):
        ref = f"{col(c)}1"
        if c % 3 == 0:
            cells.append(sref(ref, sst(f"Cột {col(c)} - Hà Giang")))
        elif c % 3 == 1:
            cells.append(num(ref, c * 1000 + 0.5))
        else:
            cells.append(inl(ref, f"Ô {ref}"))
    r2 = [inl(f"{c}2", f"ô {c}") for c in ["Z", "AA", "AZ", "BA", "ZZ", "AAA"]]
    r3 = "".join(f"<c><v>{i}</v></c>" for i in range(1, 31))
    rows = row(1, cells) + row(2, r2) + f"<row r=\"3\">{r3}</row>"
    pkg = simple_book([("Hàng rộng", worksheet(rows, before='<dimension ref="A1:AAA3"/>'))],
                      sst_xml(sst.items))
    pkg.write(path)
    CHECKS[name] = [(0, "A1", 1000.5), (0, "C1", "Cột C - Hà Giang"), (0, "GR1", "Ô GR1"), (0, "GQ1", 199000.5), (0, "AA2", "ô AA"),
                    (0, "AAA2", "ô AAA"), (0, "AD3", 30)]


def hand_far_cells():
    name = "hand_far_cells.xlsx"
    path = describe(name,
                    "hand XML: cells at A1, XFD1 (last column), A5000, B5000 and XFD5000 with nothing in between; "
                    "<dimension ref=\"A1:XFD5000\">")
    rows = (row(1, [inl("A1", "Nguyễn Thị Hồng"), num("XFD1", "16384")], ' spans="1:16384"')
            + row(5000, [inl("A5000", "Lò Văn Páo"), num("B5000", "5000"), inl("XFD5000", "cuối")]))
    pkg = simple_book([("Xa", worksheet(rows, before='<dimension ref="A1:XFD5000"/>'))])
    pkg.write(path)
    CHECKS[name] = [(0, "A1", "Nguyễn Thị Hồng"), (0, "XFD1", 16384), (0, "A5000", "Lò Văn Páo"),
                    (0, "B5000", 5000), (0, "XFD5000", "cuối")]


def hand_sheets():
    name = "hand_sheets_first_empty.xlsx"
    path = describe(name,
                    "hand XML workbook: sheet 1 is <sheetData/> with a lying <dimension ref=\"A1:H20\">, sheet 2 "
                    "\"Lớp 1&2 – Hà Giang\" has data, sheet 3 hidden, sheet 4 veryHidden, sheet 5 has "
                    "<sheetData></sheetData> and no dimension; sheetIds out of order")
    sst = Strings()
    data = row(1, [sref("A1", sst("Họ và tên")), sref("B1", sst("Dân tộc"))]) + \
        row(2, [sref("A2", sst("Nguyễn Thị Hồng")), sref("B2", sst("Tày"))]) + \
        row(3, [sref("A3", sst("Lò Văn Páo")), sref("B3", sst("Thái"))])
    empty = DECL + f'<worksheet xmlns="{NS_MAIN}"><dimension ref="A1:H20"/><sheetData/></worksheet>'
    empty2 = DECL + f'<worksheet xmlns="{NS_MAIN}"><sheetData></sheetData></worksheet>'
    hidden = worksheet(row(1, [sref("A1", sst("Sheet ẩn"))]))
    very = worksheet(row(1, [sref("A1", sst("Sheet rất ẩn"))]))
    pkg = Pkg()
    pkg.add("_rels/.rels", rels([("rId1", "officeDocument", "xl/workbook.xml")]))
    sheets = [("Trống", "rId3", 7, None), ("Lớp 1&2 – Hà Giang", "rId1", 2, None), ("Ẩn", "rId2", 3, "hidden"),
              ("Rất ẩn", "rId5", 4, "veryHidden"), ("Trống 2", "rId4", 1, None)]
    pkg.add("xl/workbook.xml", workbook_xml(sheets), CT_MAIN)
    pkg.add("xl/_rels/workbook.xml.rels", rels([
        ("rId1", "worksheet", "worksheets/sheet2.xml"), ("rId2", "worksheet", "worksheets/sheet3.xml"),
        ("rId3", "worksheet", "worksheets/sheet1.xml"), ("rId4", "worksheet", "worksheets/sheet5.xml"),
        ("rId5", "worksheet", "worksheets/sheet4.xml"), ("rId6", "sharedStrings", "sharedStrings.xml")]))
    for i, x in enumerate([empty, worksheet(data), hidden, very, empty2], start=1):
        pkg.add(f"xl/worksheets/sheet{i}.xml", x, CT_SHEET)
    pkg.add("xl/sharedStrings.xml", sst_xml(sst.items), CT_SST)
    pkg.write(path)
    CHECKS[name] = [("Lớp 1&2 – Hà Giang", "A2", "Nguyễn Thị Hồng"), ("Lớp 1&2 – Hà Giang", "B3", "Thái"),
                    ("Ẩn", "A1", "Sheet ẩn"), ("Rất ẩn", "A1", "Sheet rất ẩn"), ("Trống", "A1", None)]


def hand_unusual_paths():
    name = "hand_unusual_paths.xlsx"
    path = describe(name,
                    "hand XML part paths: worksheet Target=\"/xl/worksheets/Sheet_A.xml\" (absolute), a second sheet at "
                    "xl/trang/du_lieu_b.xml, sharedStrings and styles by absolute Targets, odd rIds (rIdSheetA), zip "
                    "entries in non-standard order (worksheets before workbook, [Content_Types].xml first)")
    sst = Strings()
    a = worksheet(row(1, [sref("A1", sst("Nguyễn Thị Hồng")), num("B1", "40973", s=1)]))
    b = worksheet(row(1, [sref("A1", sst("Lò Văn Páo")), num("B1", "2")]))
    pkg = Pkg()
    pkg.add("xl/worksheets/Sheet_A.xml", a, CT_SHEET)
    pkg.add("xl/trang/du_lieu_b.xml", b, CT_SHEET)
    pkg.add("xl/sharedStrings.xml", sst_xml(sst.items), CT_SST)
    pkg.add("xl/styles.xml", styles_xml([(164, "dd/mm/yyyy")], [0, 164]), CT_STYLES)
    pkg.add("xl/_rels/workbook.xml.rels", rels([
        ("rIdSheetA", "worksheet", "/xl/worksheets/Sheet_A.xml"), ("rId9", "worksheet", "trang/du_lieu_b.xml"),
        ("rIdS", "sharedStrings", "/xl/sharedStrings.xml"), ("rIdY", "styles", "/xl/styles.xml")]))
    pkg.add("xl/workbook.xml", workbook_xml([("Trang A", "rIdSheetA", 1, None), ("Trang B", "rId9", 2, None)]), CT_MAIN)
    pkg.add("_rels/.rels", rels([("rId1", "officeDocument", "/xl/workbook.xml")]))
    pkg.write(path)
    CHECKS[name] = [("Trang A", "A1", "Nguyễn Thị Hồng"), ("Trang A", "B1", dt.datetime(2012, 3, 5)),
                    ("Trang B", "A1", "Lò Văn Páo"), ("Trang B", "B1", 2)]


def hand_custom_root():
    name = "hand_custom_root.xlsx"
    path = describe(name,
                    "hand XML: the workbook part is /excel/book.xml (not xl/workbook.xml), its rels at "
                    "excel/_rels/book.xml.rels, sheets at excel/pages/p1.xml, sharedStrings.xml and styles.xml "
                    "beside the workbook part")
    sst = Strings()
    sheet = worksheet(row(1, [sref("A1", sst("Hà Giang")), sref("B1", sst("Đồng Văn")), num("C1", "3")]))
    pkg = Pkg()
    pkg.add("_rels/.rels", rels([("rId1", "officeDocument", "excel/book.xml")]))
    pkg.add("excel/book.xml", workbook_xml([("Gốc khác", "rId1", 1, None)]), CT_MAIN)
    pkg.add("excel/_rels/book.xml.rels", rels([("rId1", "worksheet", "pages/p1.xml"),
                                                ("rId2", "sharedStrings", "sharedStrings.xml"),
                                                ("rId3", "styles", "styles.xml")]))
    pkg.add("excel/pages/p1.xml", sheet, CT_SHEET)
    pkg.add("excel/sharedStrings.xml", sst_xml(sst.items), CT_SST)
    pkg.add("excel/styles.xml", styles_xml(), CT_STYLES)
    pkg.write(path)
    CHECKS[name] = [(0, "A1", "Hà Giang"), (0, "B1", "Đồng Văn"), (0, "C1", 3)]


def hand_sst_custom_name():
    name = "hand_sst_custom_name.xlsx"
    path = describe(name,
                    "hand XML: the shared string part is xl/strings/shared.xml (found only through its relationship "
                    "and content type; calamine 0.38 looks only at xl/sharedStrings.xml and so sees no strings)")
    sst = Strings()
    sheet = worksheet(row(1, [sref("A1", sst("Nguyễn Thị Hồng")), num("B1", "1")]))
    pkg = Pkg()
    pkg.add("_rels/.rels", rels([("rId1", "officeDocument", "xl/workbook.xml")]))
    pkg.add("xl/workbook.xml", workbook_xml([("Tên lạ", "rId1", 1, None)]), CT_MAIN)
    pkg.add("xl/_rels/workbook.xml.rels", rels([("rId1", "worksheet", "worksheets/sheet1.xml"),
                                                 ("rId2", "sharedStrings", "strings/shared.xml")]))
    pkg.add("xl/worksheets/sheet1.xml", sheet, CT_SHEET)
    pkg.add("xl/strings/shared.xml", sst_xml(sst.items), CT_SST)
    pkg.write(path)
    CHECKS[name] = [(0, "A1", "Nguyễn Thị Hồng"), (0, "B1", 1)]


def hand_case_names():
    name = "hand_case_names.xlsx"
    path = describe(name,
                    "hand XML: zip entry names differ in case from the part names used in rels and "
                    "[Content_Types].xml (xl/SharedStrings.xml, xl/Worksheets/Sheet1.xml, XL/Styles.xml); OPC part "
                    "names compare case-insensitively. openpyxl 3.1.5 cannot open it")
    sst = Strings()
    sheet = worksheet(row(1, [sref("A1", sst("Nguyễn Thị Hồng")), num("B1", "40973", s=1)]))
    pkg = Pkg()
    pkg.add("_rels/.rels", rels([("rId1", "officeDocument", "xl/workbook.xml")]))
    pkg.add("xl/workbook.xml", workbook_xml([("Chữ hoa", "rId1", 1, None)]), CT_MAIN)
    pkg.add("xl/_rels/workbook.xml.rels", rels([("rId1", "worksheet", "worksheets/sheet1.xml"),
                                                 ("rId2", "sharedStrings", "sharedStrings.xml"),
                                                 ("rId3", "styles", "styles.xml")]))
    pkg.add("xl/Worksheets/Sheet1.xml", sheet)
    pkg.add("xl/SharedStrings.xml", sst_xml(sst.items))
    pkg.add("XL/Styles.xml", styles_xml([(164, "dd/mm/yyyy")], [0, 164]))
    pkg.ctypes.update({"/xl/worksheets/sheet1.xml": CT_SHEET, "/xl/sharedStrings.xml": CT_SST,
                       "/xl/styles.xml": CT_STYLES})
    pkg.write(path)
    OPENPYXL_REFUSES[name] = "expected: openpyxl looks zip entries up case-sensitively"


def hand_no_styles_no_sst():
    name = "hand_no_styles_no_sst.xlsx"
    path = describe(name,
                    "hand XML minimum package: [Content_Types].xml, _rels/.rels, workbook, its rels, one sheet; no "
                    "styles.xml, no sharedStrings.xml, no docProps; inline strings and numbers")
    rows = (row(1, [inl("A1", "Họ và tên"), inl("B1", "Năm sinh")])
            + row(2, [inl("A2", "Nguyễn Thị Hồng"), num("B2", "2012")])
            + row(3, [inl("A3", "Lò Văn Páo"), num("B3", "2010")]))
    simple_book([("Tối giản", worksheet(rows))]).write(path)
    CHECKS[name] = [(0, "A2", "Nguyễn Thị Hồng"), (0, "B2", 2012), (0, "B3", 2010)]


def hand_zip_stored_streamed():
    name = "hand_zip_stored_streamed.xlsx"
    path = describe(name,
                    "hand XML in a zip written to an unseekable stream: every entry has a data descriptor "
                    "(flag bit 3, sizes 0 in the local header); the worksheet and sharedStrings.xml are STORED, "
                    "the rest deflated")
    sst = Strings()
    rows = "".join(row(r, [num(f"A{r}", str(r - 1)), sref(f"B{r}", sst(n)), num(f"C{r}", str(y))])
                   for r, (n, y) in enumerate([("Nguyễn Thị Hồng", 2012), ("Lò Văn Páo", 2010),
                                               ("Vàng Thị Súa", 2015)], start=2))
    rows = row(1, [sref("A1", sst("STT")), sref("B1", sst("Họ và tên")), sref("C1", sst("Năm sinh"))]) + rows
    pkg = simple_book([("Zip", worksheet(rows))], sst_xml(sst.items))
    pkg.write(path, stored={"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"}, streamed=True)
    CHECKS[name] = [(0, "B2", "Nguyễn Thị Hồng"), (0, "C4", 2015)]


def hand_utf16_bom():
    name = "hand_utf16_bom.xlsx"
    path = describe(name,
                    "hand XML encodings: the worksheet is UTF-8 with a byte order mark, sharedStrings.xml is UTF-16LE "
                    "with a BOM and encoding=\"UTF-16\", workbook.xml is UTF-16BE (ECMA-376 Part 2 allows UTF-8 and UTF-16)")
    sst = Strings()
    sheet = worksheet(row(1, [sref("A1", sst("Nguyễn Thị Hồng")), sref("B1", sst("Hà Giang")), num("C1", "2012")]))
    pkg = simple_book([("Mã hoá", sheet)], sst_xml(sst.items))
    pkg.parts["xl/worksheets/sheet1.xml"] = b"\xef\xbb\xbf" + sheet.encode("utf-8")
    sst16 = sst_xml(sst.items).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    pkg.parts["xl/sharedStrings.xml"] = sst16.encode("utf-16")  # LE with BOM on this machine's Python
    wb16 = pkg.parts["xl/workbook.xml"].decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    pkg.parts["xl/workbook.xml"] = b"\xfe\xff" + wb16.encode("utf-16-be")
    pkg.write(path)
    CHECKS[name] = [(0, "A1", "Nguyễn Thị Hồng"), (0, "B1", "Hà Giang"), (0, "C1", 2012)]


def hand_excel_like_children():
    name = "hand_excel_like_children.xlsx"
    path = describe(name,
                    "hand XML in the shape Excel 365 writes (docProps, theme-free styles with cellXfs, x14ac, spans, "
                    "xr:uid, t=\"s\" everywhere, mergeCells): the children list with two merged title rows, the "
                    "9-column header on row 4, 50 children, dates as serials under dd/mm/yyyy, text dates, bare serials, "
                    "years; IDs as text, as numbers and empty")
    sst = Strings()
    rows = []
    t1 = "UBND XÃ LŨNG CÚ - HUYỆN ĐỒNG VĂN"
    t2 = "DANH SÁCH TRẺ EM 6-14 TUỔI & TÌNH TRẠNG ĐI HỌC"
    rows.append(row(1, [sref("A1", sst(t1), s=1)] + [f'<c r="{col(c)}1" s="1"/>' for c in range(2, 10)],
                    ' spans="1:9" ht="18.75" customHeight="1" x14ac:dyDescent="0.3"'))
    rows.append(row(2, [sref("A2", sst(t2), s=1)], ' spans="1:9" x14ac:dyDescent="0.25"'))
    rows.append(row(4, [sref(f"{col(c)}4", sst(h), s=2) for c, h in enumerate(HEADER, start=1)],
                    ' spans="1:9" x14ac:dyDescent="0.25"'))
    for i, (nm, dob, dk, g, eth, ident, ik, fa, mo, vil) in enumerate(children(seed=1975), start=1):
        r = 4 + i
        cells = [num(f"A{r}", i, s=3), sref(f"B{r}", sst(nm), s=3)]
        if dk == "date":
            cells.append(num(f"C{r}", serial(dob), s=4))
        elif dk == "text":
            cells.append(sref(f"C{r}", sst(f"{dob.day}/{dob.month}/{dob.year}"), s=5))
        elif dk == "text_iso":
            cells.append(sref(f"C{r}", sst(dob.strftime("%d/%m/%Y")), s=3))
        elif dk == "serial":
            cells.append(num(f"C{r}", serial(dob), s=3))
        else:
            cells.append(num(f"C{r}", dob.year, s=3))
        cells += [sref(f"D{r}", sst(g), s=3), sref(f"E{r}", sst(eth), s=3)]
        if ik == "text":
            cells.append(sref(f"F{r}", sst(ident), s=5))
        elif ik == "number":
            cells.append(num(f"F{r}", int(ident), s=6))
        else:
            cells.append(f'<c r="F{r}" s="3"/>')
        cells.append(sref(f"G{r}", sst(fa), s=3) if fa else f'<c r="G{r}" s="3"/>')
        cells += [sref(f"H{r}", sst(mo), s=3), sref(f"I{r}", sst(vil), s=3)]
        rows.append(row(r, cells, ' spans="1:9" x14ac:dyDescent="0.25"'))
    last = 4 + 50
    sheet = (DECL + f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_REL}" '
             'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" '
             'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '
             'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" '
             'xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" '
             'xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" '
             'xr:uid="{6F1C2A55-3E7B-4C11-9A2B-5D0E3F4A1B2C}">'
             f'<dimension ref="A1:I{last}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0">'
             '<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>'
             '<selection pane="bottomLeft" activeCell="B5" sqref="B5"/></sheetView></sheetViews>'
             '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>'
             '<cols><col min="1" max="1" width="5.7109375" customWidth="1"/>'
             '<col min="2" max="2" width="24.7109375" customWidth="1"/>'
             '<col min="3" max="9" width="14.7109375" customWidth="1"/></cols>'
             f'<sheetData>{"".join(rows)}</sheetData>'
             '<mergeCells count="2"><mergeCell ref="A1:I1"/><mergeCell ref="A2:I2"/></mergeCells>'
             '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
             '<pageSetup paperSize="9" orientation="landscape" r:id="rId1"/></worksheet>')
    styles = (DECL + f'<styleSheet xmlns="{NS_MAIN}" '
              'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2 xr" '
              'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '
              'xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" '
              'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">'
              '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/>'
              '<numFmt numFmtId="165" formatCode="000000000000"/></numFmts>'
              '<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Times New Roman"/>'
              '<family val="2"/></font><font><b/><sz val="12"/><color theme="1"/><name val="Times New Roman"/>'
              '<family val="1"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill>'
              '<fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border><left/><right/>'
              '<top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left>'
              '<right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top>'
              '<bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
              '<alignment horizontal="center"/></xf>'
              '<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"/>'
              '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/>'
              '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>'
              '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>'
              '<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>'
              '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
              '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" '
              'defaultPivotStyle="PivotStyleLight16"/></styleSheet>')
    count = "".join(rows).count(' t="s"')
    pkg = Pkg()
    pkg.add("_rels/.rels", rels([
        ("rId3", "extended-properties", "docProps/app.xml"),
        ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
         "docProps/core.xml"),
        ("rId1", "officeDocument", "xl/workbook.xml")]))
    wb = (DECL + f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_REL}" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" '
          'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" '
          'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" '
          'xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" '
          'xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" '
          'xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">'
          '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>'
          '<workbookPr defaultThemeVersion="202300"/>'
          '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720"/></bookViews>'
          '<sheets><sheet name="DS trẻ em" sheetId="1" r:id="rId1"/></sheets>'
          '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">\'DS trẻ em\'!$4:$4</definedName>'
          '</definedNames><calcPr calcId="191029"/></workbook>')
    pkg.add("xl/workbook.xml", wb, CT_MAIN)
    pkg.add("xl/_rels/workbook.xml.rels", rels([("rId3", "styles", "styles.xml"),
                                                 ("rId4", "sharedStrings", "sharedStrings.xml"),
                                                 ("rId1", "worksheet", "worksheets/sheet1.xml")]))
    pkg.add("xl/worksheets/sheet1.xml", sheet, CT_SHEET)
    pkg.add("xl/worksheets/_rels/sheet1.xml.rels",
            rels([("rId1", "printerSettings", "../printerSettings/printerSettings1.bin")]))
    pkg.add("xl/printerSettings/printerSettings1.bin", b"\x00" * 64)
    pkg.add("xl/styles.xml", styles, CT_STYLES)
    pkg.add("xl/sharedStrings.xml", sst_xml(sst.items, count=count), CT_SST)
    pkg.add("docProps/core.xml", DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/'
            'terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Cán bộ xã</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-02T03:04:05Z</dcterms:created></cp:coreProperties>',
            "application/vnd.openxmlformats-package.core-properties+xml")
    pkg.add("docProps/app.xml", DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>Microsoft Excel</Application><AppVersion>16.0300</AppVersion>'
            '</Properties>', "application/vnd.openxmlformats-officedocument.extended-properties+xml")
    pkg.content_types = (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.'
                         'spreadsheetml.printerSettings"/>'
                         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                         '<Default Extension="xml" ContentType="application/xml"/>'
                         + "".join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in pkg.ctypes.items())
                         + "</Types>")
    pkg.write(path)
    CHECKS[name] = [(0, "A1", t1), (0, "C4", "Ngày sinh"), (0, "I4", "Thôn/Tổ"), (0, "A54", 50)]


# --------------------------------------------------------------------------- checks

def check_all():
    warnings.filterwarnings("ignore", message="Workbook contains no default style")
    ok = True
    for fname, _ in DESCRIPTIONS:
        path = os.path.join(OUT, fname)
        size = os.path.getsize(path)
        assert size < 30 * 1024, f"{fname} is {size} bytes"
        with zipfile.ZipFile(path) as z:
            assert z.testzip() is None
        try:
            wb = openpyxl.load_workbook(path, data_only=True)
        except Exception as e:  # noqa: BLE001
            if fname in OPENPYXL_REFUSES:
                print(f"{fname:36} {size:6d} B  openpyxl refused ({type(e).__name__}: {e}); "
                      f"{OPENPYXL_REFUSES[fname]}")
                continue
            raise
        if fname in OPENPYXL_REFUSES:
            print(f"{fname:36} note: openpyxl opened it after all")
        sheets = ", ".join(f"{ws.title}[{ws.dimensions}]" for ws in wb.worksheets)
        bad = []
        for sheet, coord, want in CHECKS.get(fname, []):
            ws = wb.worksheets[sheet] if isinstance(sheet, int) else wb[sheet]
            got = ws[coord].value
            if got != want or type(got) is bool and type(want) is not bool:
                bad.append(f"{ws.title}!{coord}: got {got!r}, want {want!r}")
        status = f"{len(CHECKS[fname])} checks ok" if fname in CHECKS and not bad else ""
        print(f"{fname:36} {size:6d} B  {sheets}  {status}")
        for b in bad:
            ok = False
            print("    MISMATCH", b)
    return ok


def check_library_shapes():
    """The claims above about what the libraries write."""

    def part(fname, name):
        with zipfile.ZipFile(os.path.join(OUT, fname)) as z:
            return z.read(name).decode("utf-8")

    s = part("openpyxl_types.xlsx", "xl/worksheets/sheet1.xml")
    assert 't="inlineStr"' in s and 't="s"' not in s and 't="e"' in s and 't="b"' in s
    s = part("openpyxl_iso_dates.xlsx", "xl/worksheets/sheet1.xml")
    assert "<v>2012-03-05</v>" in s and "<v>2012-03-05T00:00:00</v>" in s and 't="d"' in s
    assert "<r><rPr>" in part("openpyxl_rich_text.xlsx", "xl/worksheets/sheet1.xml")
    assert 'date1904="1"' in part("openpyxl_1904_sheets.xlsx", "xl/workbook.xml")
    s = part("xlsxwriter_types.xlsx", "xl/worksheets/sheet1.xml")
    assert 't="s"' in s and 't="str"' in s and 't="e"' in s and "inlineStr" not in s
    sst = part("xlsxwriter_types.xlsx", "xl/sharedStrings.xml")
    assert "_x005F_x000D_" in sst and "_x0001_" in sst and 'xml:space="preserve"' in sst
    s = part("xlsxwriter_constant_memory.xlsx", "xl/worksheets/sheet1.xml")
    assert 't="inlineStr"' in s and "<is><r>" in s
    with zipfile.ZipFile(os.path.join(OUT, "xlsxwriter_constant_memory.xlsx")) as z:
        assert "xl/sharedStrings.xml" not in z.namelist()
    assert 'date1904="1"' in part("xlsxwriter_dates_1904.xlsx", "xl/workbook.xml")
    with zipfile.ZipFile(os.path.join(OUT, "hand_zip_stored_streamed.xlsx")) as z:
        assert all(i.flag_bits & 0x08 for i in z.infolist())
        assert z.getinfo("xl/worksheets/sheet1.xml").compress_type == zipfile.ZIP_STORED


def write_readme():
    lines = ["# xlsx variants",
             "",
             "Written by `scripts/make-xlsx-variants.py` (openpyxl, XlsxWriter, hand-written XML zipped by Python),",
             "not by LamSach: our xlsx sheet reader must give exactly the cells calamine gives for each file.",
             "Regenerate with the commands in that script's docstring.",
             ""]
    lines += [f"- `{n}`: {d}" for n, d in DESCRIPTIONS]
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    for make in [openpyxl_types, openpyxl_iso_dates, openpyxl_rich_text, openpyxl_1904_sheets,
                 xlsxwriter_types, xlsxwriter_constant_memory, xlsxwriter_dates_1904, xlsxwriter_chartsheet,
                 xlsxwriter_children,
                 hand_cell_types, hand_date_formats, hand_1904, hand_sst_text_edges, hand_inline_text_edges,
                 hand_ns_prefix, hand_xml_shapes, hand_formulas, hand_wide_row, hand_far_cells, hand_sheets,
                 hand_unusual_paths, hand_custom_root, hand_sst_custom_name, hand_case_names,
                 hand_no_styles_no_sst, hand_zip_stored_streamed, hand_utf16_bom, hand_excel_like_children]:
        make()
    write_readme()
    check_library_shapes()
    ok = check_all()
    print(f"{len(DESCRIPTIONS)} files in {os.path.normpath(OUT)}")
    if not ok:
        raise SystemExit("some values differ from what was intended")


if __name__ == "__main__":
    main()
