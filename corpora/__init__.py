"""Document ingestion: loaders (Markdown, PDF, HTML, text, FHIR), structure-aware chunking, patient summaries
and the `python -m corpora ingest` CLI. See corpora/README.md."""
