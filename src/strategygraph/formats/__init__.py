"""Seminar files: the Markdown and spreadsheet readers, the Markdown and Turtle writers, importing."""
