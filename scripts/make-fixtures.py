#!/usr/bin/env python3
"""Writes the small fixture workbooks under tests/fixtures/ with tools independent of
LamSach (openpyxl, xlwt, odfpy), so the reader is tested on files it did not write.

Run once when fixtures change; the files are committed, tests need no Python:
    python3 -m venv /tmp/fx && /tmp/fx/bin/pip install openpyxl==3.1.5 xlwt==1.3.0 odfpy==1.4.1
    /tmp/fx/bin/python scripts/make-fixtures.py
"""
import csv
import datetime as dt
import os

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures")
os.makedirs(OUT, exist_ok=True)

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Số định danh cá nhân",
          "Họ tên cha", "Họ tên mẹ", "Thôn/Tổ", "Cân nặng (kg)"]

# (name, date of birth, gender, ethnicity, ID as typed, father, mother, village, weight)
ROWS = [
    ("Nguyễn Văn An", dt.date(2012, 3, 5), "Nam", "Kinh", "079212000001", "Nguyễn Văn Bình", "Trần Thị Cúc", "Thôn 1", 32.5),
    ("Trần Thị Bích", dt.date(2015, 12, 31), "Nữ", "Kinh", 79315000002, "Trần Văn Dũng", "Lê Thị Hoa", "Thôn 2", 20.25),
    ("Nguye\u0302\u0303n Thị Hồng", dt.date(2018, 1, 1), "Nữ", "Tày", "", "Nguyễn Văn Tú", "Hoàng Thị Mai", "Thôn 1", 15.0),
    ("  Lò  Văn Páo ", dt.date(2010, 7, 20), "Nam", "Thái", "014210000004", "Lò Văn Sinh", "Lường Thị Ún", "Bản Mường", 40.0),
    ("Phạm Quốc Việt", "25/05/2016", "Nam", "Kinh", "001216000005", "Phạm Văn Hùng", "Vũ Thị Lan", "Thôn 3", 22.0),
    ("Lê Thị Thuỷ", dt.date(2020, 2, 29), "Nữ", "Kinh", "", "", "Lê Thị Nga", "Thôn 2", 12.5),
]


def write_data(ws, first_row, rows=ROWS, date_style="DD/MM/YYYY"):
    for i, r in enumerate(rows):
        row = first_row + i
        ws.cell(row=row, column=1, value=i + 1)
        for c, v in enumerate(r, start=2):
            cell = ws.cell(row=row, column=c, value=v if v != "" else None)
            if isinstance(v, dt.date):
                cell.number_format = date_style
            if c == 6 and isinstance(v, str):
                cell.number_format = "@"


def title_rows():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS tre em"
    ws["A1"] = "ỦY BAN NHÂN DÂN XÃ TÂN LẬP"
    ws.merge_cells("A1:J1")
    ws["A2"] = "DANH SÁCH TRẺ EM DƯỚI 16 TUỔI CẦN CHUẨN HÓA, LÀM SẠCH DỮ LIỆU"
    ws.merge_cells("A2:J2")
    ws["A3"] = "(Kèm theo Công văn số 123/UBND ngày 01/11/2026)"
    for c, h in enumerate(HEADER, start=1):
        ws.cell(row=4, column=c, value=h).font = Font(bold=True)
        ws.cell(row=5, column=c, value=f"({c})")
    write_data(ws, 6)
    ws.cell(row=13, column=2, value="Người lập biểu")
    ws.cell(row=13, column=8, value="XÁC NHẬN CỦA UBND XÃ")
    wb.save(os.path.join(OUT, "title_rows.xlsx"))


def date1904():
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Danh sach"
    for c, h in enumerate(HEADER, start=1):
        ws.cell(row=1, column=c, value=h)
    write_data(ws, 2)
    wb.save(os.path.join(OUT, "date1904.xlsx"))


def merged_header():
    """Two header rows: 'Thông tin cha' and 'Thông tin mẹ' groups over sub-headers."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws["A1"] = "DANH SÁCH TRẺ EM"
    ws.merge_cells("A1:I1")
    top = ["STT", "Họ và tên trẻ", "Ngày, tháng, năm sinh", "Giới tính", "Thông tin cha", None, "Thông tin mẹ", None, "Ghi chú"]
    sub = [None, None, None, None, "Họ và tên", "Năm sinh", "Họ và tên", "Năm sinh", None]
    for c, (a, b) in enumerate(zip(top, sub), start=1):
        ws.cell(row=2, column=c, value=a)
        ws.cell(row=3, column=c, value=b)
    for col in "ABCDI":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("E2:F2")
    ws.merge_cells("G2:H2")
    data = [
        (1, "Đặng Thị Ngọc Ánh", dt.date(2014, 9, 2), "Nữ", "Đặng Văn Hải", 1985, "Ngô Thị Hạnh", 1988, ""),
        (2, "Hoàng Văn Tuấn", dt.date(2011, 11, 11), "Nam", "Hoàng Văn Long", 1980, "Bùi Thị Yến", 1982, "Chuyển đến"),
    ]
    for i, r in enumerate(data):
        for c, v in enumerate(r, start=1):
            cell = ws.cell(row=4 + i, column=c, value=v if v != "" else None)
            if isinstance(v, dt.date):
                cell.number_format = "DD/MM/YYYY"
    wb.save(os.path.join(OUT, "merged_header.xlsx"))


def xls():
    import xlwt
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Danh sach")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    ws.write_merge(0, 0, 0, 9, "DANH SÁCH TRẺ EM DƯỚI 16 TUỔI")
    for c, h in enumerate(HEADER):
        ws.write(2, c, h)
    for i, r in enumerate(ROWS):
        ws.write(3 + i, 0, i + 1)
        for c, v in enumerate(r, start=1):
            if isinstance(v, dt.date):
                ws.write(3 + i, c, v, date_style)
            elif v != "":
                ws.write(3 + i, c, v)
    wb.save(os.path.join(OUT, "list.xls"))


def ods():
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell
    from odf.text import P
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Danh sach")

    def row(values):
        tr = TableRow()
        for v in values:
            if isinstance(v, dt.date):
                cell = TableCell(valuetype="date", datevalue=v.isoformat())
                cell.addElement(P(text=v.strftime("%d/%m/%Y")))
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                cell = TableCell(valuetype="float", value=v)
                cell.addElement(P(text=str(v)))
            elif v in ("", None):
                cell = TableCell()
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(v)))
            tr.addElement(cell)
        table.addElement(tr)

    row(HEADER)
    for i, r in enumerate(ROWS):
        row([i + 1, *r])
    doc.spreadsheet.addElement(table)
    doc.save(os.path.join(OUT, "list.ods"))


def csv_file():
    with open(os.path.join(OUT, "list.csv"), "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(HEADER)
        for i, r in enumerate(ROWS):
            w.writerow([i + 1] + [v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else v for v in r])


def two_sheets():
    """A cover sheet without data rows first, the list on the second sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Huong dan"
    ws["A1"] = "Hướng dẫn: nhập danh sách ở trang bên."
    ws2 = wb.create_sheet("Danh sach")
    for c, h in enumerate(HEADER, start=1):
        ws2.cell(row=1, column=c, value=h)
    write_data(ws2, 2)
    wb.save(os.path.join(OUT, "two_sheets.xlsx"))


if __name__ == "__main__":
    title_rows()
    date1904()
    merged_header()
    xls()
    ods()
    csv_file()
    two_sheets()
    print("fixtures written to", os.path.normpath(OUT))
