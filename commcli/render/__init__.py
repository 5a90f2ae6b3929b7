"""Rendering: content models to printable documents (PDF through Typst) and text."""
