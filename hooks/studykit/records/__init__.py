"""One module for each record type of data/: how it is read and validated."""
