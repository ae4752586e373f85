"""The draft procedural report: a builder turns the services' data into a neutral document model, which a
reportlab renderer (PDF) and a python-docx renderer (Word) lay out."""
