#!/usr/bin/env python3
"""Writes crates/sheets/tests/fixtures/hotline.xls and hotline.ods: a small hotline knowledge base
(EXAMPLE data) in the two formats rust_xlsxwriter cannot write, so the importer's .xls and .ods
reading is tested on real files. Run once; the files are committed.

    python3 -m venv /tmp/fx && /tmp/fx/bin/pip install xlwt odfpy
    /tmp/fx/bin/python tools/gen_sheet_fixtures.py
"""
import datetime
import os

import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableRow, TableCell
from odf.text import P

OUT = os.path.join(os.path.dirname(__file__), '..', 'crates', 'sheets', 'tests', 'fixtures')
TITLE = '某区12345热线知识库（示例数据）'
HEADER = ['序号', '标准问题', '扩展问题', '知识库答案', '责任单位', '更新时间']
ROWS = [
    (1, '失业保险金怎么申领？', '失业金怎么领、领失业金', '可以在“爱山东”或区人社局窗口申领（示例答案）。', '区人社局（示例）', datetime.date(2024, 6, 30)),
    (2, '居住证在哪里办？', '', '到居住地派出所办理（示例答案）。', '区公安分局（示例）', datetime.date(2025, 1, 15)),
]


def xls():
    book = xlwt.Workbook(encoding='utf-8')
    sheet = book.add_sheet('知识库')
    sheet.write_merge(0, 0, 0, 5, TITLE)
    for c, h in enumerate(HEADER):
        sheet.write(1, c, h)
    date = xlwt.easyxf(num_format_str='yyyy/m/d')
    for r, row in enumerate(ROWS, start=2):
        for c, v in enumerate(row):
            if isinstance(v, datetime.date):
                sheet.write(r, c, v, date)
            else:
                sheet.write(r, c, v)
    book.save(os.path.join(OUT, 'hotline.xls'))


def ods():
    doc = OpenDocumentSpreadsheet()
    table = Table(name='知识库')

    def text_cell(v):
        cell = TableCell(valuetype='string')
        cell.addElement(P(text=str(v)))
        return cell

    title = TableRow()
    title.addElement(text_cell(TITLE))
    table.addElement(title)
    header = TableRow()
    for h in HEADER:
        header.addElement(text_cell(h))
    table.addElement(header)
    for row in ROWS:
        tr = TableRow()
        for v in row:
            if isinstance(v, datetime.date):
                cell = TableCell(valuetype='date', datevalue=v.isoformat())
                cell.addElement(P(text=v.isoformat()))
            elif isinstance(v, int):
                cell = TableCell(valuetype='float', value=v)
                cell.addElement(P(text=str(v)))
            else:
                cell = text_cell(v)
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(os.path.join(OUT, 'hotline.ods'))


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    xls()
    ods()
