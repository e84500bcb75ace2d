"""The built site served as GitHub Pages serves it: under the path of `site_url`, gzipped, with 404.html
for missing pages. The browser tests and `make audit` both use it."""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


def site_prefix(config: dict) -> str:
    """The path part of `site_url`, such as /study-notes/."""
    prefix = urlparse(config.get("site_url") or "/").path or "/"
    return prefix if prefix.endswith("/") else prefix + "/"


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files under a path prefix, gzipped when the client accepts it, 404.html for misses."""

    prefix = "/"
    cache: dict[Path, bytes] = {}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET(head=True)

    def do_GET(self, head: bool = False) -> None:  # noqa: N802
        path = unquote(urlparse(self.path).path)
        root = Path(self.directory)
        target = None
        if path.startswith(self.prefix):
            candidate = (root / path[len(self.prefix):]).resolve()
            if candidate.is_relative_to(root.resolve()):
                if candidate.is_dir():
                    if not path.endswith("/"):
                        self.send_response(301)
                        self.send_header("Location", path + "/")
                        self.end_headers()
                        return
                    candidate = candidate / "index.html"
                if candidate.is_file():
                    target = candidate
        status = 200
        if target is None:
            status, target = 404, root / "404.html"
        body = target.read_bytes()
        ctype = self.guess_type(str(target))
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json", "image/svg+xml"):
            ctype += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if target.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            if target not in self.cache:
                self.cache[target] = gzip.compress(body, compresslevel=9, mtime=0)
            body = self.cache[target]
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        if not head:
            self.wfile.write(body)


def serve(site: Path, prefix: str) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = type("Handler", (GzipHandler,), {"prefix": prefix, "cache": {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"
