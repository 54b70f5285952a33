"""Extraction: `Document` to `ExtractionRecord` with evidence."""
