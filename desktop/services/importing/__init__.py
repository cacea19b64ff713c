"""Spreadsheet import: read, recognise, validate everything, then write all rows in one transaction or none."""
