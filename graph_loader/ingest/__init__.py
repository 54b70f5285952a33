"""Ingestion: files to clean, traceable `Document`s."""
