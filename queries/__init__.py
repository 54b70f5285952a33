"""The query catalogue: one function per question, on either store."""
