"""Tools for checking a built site: a local server for it and the browser that opens it."""
