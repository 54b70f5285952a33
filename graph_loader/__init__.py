"""safetykg: a knowledge graph of China's work-safety governance built from news reports."""

__version__ = "0.1.0"
