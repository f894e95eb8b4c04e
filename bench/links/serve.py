#!/usr/bin/env python3
"""Static file server for the link comparison: serves a built site on 127.0.0.1 only.

Usage: serve.py [--strip-toc] DIR PORT [PREFIX]
--strip-toc removes the theme's "On this page" box (<nav class="toc">...</nav>) from HTML as it is
served, so that a checker with anchor checking on does not fetch and parse every page once per
heading (used for cpp-docs, 105,000 headings); the TOC's links are then not checked.
With PREFIX (e.g. /cpp/, a site published under a base path), DIR is served at PREFIX and every
other path answers 404, so links to other sites of the same host (/windows/...) stay outside.
Directories are served by their index.html (as a web server would), missing files get 404.
It sends a `LinkChecker` response header: linkchecker 10 then lifts its default per-host
throttle (0.1-0.6 s between requests), which otherwise makes a 1,500-URL site take minutes.
"""
import functools
import http.server
import io
import os
import re
import sys

TOC_RE = re.compile(rb'<nav class="toc".*?</nav>', re.S)


class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("LinkChecker", "unthrottled")
        super().end_headers()

    def log_message(self, *args):  # keep stderr quiet
        pass

    def translate_path(self, path):
        prefix = self.server.prefix
        if prefix != "/":
            if not (path == prefix.rstrip("/") or path.startswith(prefix)):
                return "/nonexistent-outside-prefix"
            path = "/" + path[len(prefix):]
        return super().translate_path(path)

    def send_head(self):
        if not self.server.strip_toc:
            return super().send_head()
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not (path.endswith(".html") and os.path.isfile(path)):
            return super().send_head()
        with open(path, "rb") as fh:
            body = TOC_RE.sub(b"", fh.read())
        self.send_response(200)
        self.send_header("Content-type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # linkchecker closes the connection once it has what it needs from a large non-HTML file
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def main():
    args = sys.argv[1:]
    strip_toc = "--strip-toc" in args
    args = [x for x in args if x != "--strip-toc"]
    root, port = args[0], int(args[1])
    prefix = args[2] if len(args) > 2 else "/"
    if not prefix.endswith("/"):
        prefix += "/"
    handler = functools.partial(Handler, directory=root)
    with Server(("127.0.0.1", port), handler) as srv:
        srv.prefix = prefix
        srv.strip_toc = strip_toc
        srv.serve_forever()


if __name__ == "__main__":
    main()
