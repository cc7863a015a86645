"""The agreement PDF: plain document model (``document``) and reportlab rendering (``render``)."""
