#!/usr/bin/env python3
"""Saves a list again with another writer, to bench the page on files LamSach did not write
(SheetJS's reading speed, and so the bench's ratio, depends on how a file was written):

    python3 -m venv /tmp/xv && /tmp/xv/bin/pip install python-calamine openpyxl==3.1.5 XlsxWriter==3.3.1
    /tmp/xv/bin/python scripts/resave-list.py bench-data/list-340782.xlsx xlsxwriter /tmp/xw-340782.xlsx
    LIST=/tmp/xw-340782.xlsx node scripts/bench.js 340782

Writers: `xlsxwriter` (shared strings, dates as date cells in dd/mm/yyyy) or `openpyxl`
(write-only mode: strings inline, dates as date cells). The first sheet's cells are read
with python-calamine and written in the same places, types kept; empty cells stay empty.
"""
import datetime as dt
import sys

from python_calamine import CalamineWorkbook


def main():
    if len(sys.argv) != 4 or sys.argv[2] not in ("xlsxwriter", "openpyxl"):
        sys.exit(__doc__)
    src, writer, out = sys.argv[1:4]
    book = CalamineWorkbook.from_path(src)
    name = book.sheet_names[0]
    rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    if writer == "xlsxwriter":
        import xlsxwriter

        wb = xlsxwriter.Workbook(out, {"strings_to_numbers": False, "strings_to_formulas": False,
                                       "strings_to_urls": False})
        ws = wb.add_worksheet(name)
        date_format = wb.add_format({"num_format": "dd/mm/yyyy"})
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v == "" or v is None:
                    continue
                if isinstance(v, dt.datetime):
                    ws.write_datetime(r, c, v, date_format)
                elif isinstance(v, dt.date):
                    ws.write_datetime(r, c, dt.datetime(v.year, v.month, v.day), date_format)
                elif isinstance(v, str):
                    ws.write_string(r, c, v)
                else:
                    ws.write(r, c, v)
        wb.close()
    else:
        import openpyxl

        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append([None if v == "" else v for v in row])
        wb.save(out)
    print(f"{out}: {len(rows)} rows from {src}, written by {writer}")


if __name__ == "__main__":
    main()
