from corpora.loaders.document_loader import DocumentLoader
from corpora.loaders.fhir_loader import FhirLoader
from corpora.loaders.html_loader import HtmlLoader
from corpora.loaders.markdown_loader import MarkdownLoader
from corpora.loaders.pdf_loader import PdfLoader
from corpora.loaders.registry import LoaderRegistry, default_registry
from corpora.loaders.text_loader import TextLoader

__all__ = [
    "DocumentLoader",
    "FhirLoader",
    "HtmlLoader",
    "LoaderRegistry",
    "MarkdownLoader",
    "PdfLoader",
    "TextLoader",
    "default_registry",
]
