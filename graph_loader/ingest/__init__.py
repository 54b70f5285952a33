"""Ingestion: files to clean, traceable `Document`s."""

from graph_loader.ingest.document import Document, IngestWarning, Metadata, Rejection
from graph_loader.ingest.pipeline import (
    assign_doc_id,
    ingest_bytes,
    ingest_file,
    ingest_paths,
    iter_input_files,
)

__all__ = ["Document", "IngestWarning", "Metadata", "Rejection", "assign_doc_id", "ingest_bytes", "ingest_file",
           "ingest_paths", "iter_input_files"]
