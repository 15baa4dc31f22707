"""Page weight over the wire: a page plus the CSS and JS it loads, as a browser asks for them.

Run against a server started like production (`make run`, or gunicorn with
DJANGO_DEBUG=0 after collectstatic, so whitenoise serves compressed, hashed
files):

    .venv/bin/python benchmarks/page_weight.py http://127.0.0.1:8000 /A/RES/70/126/ /E/RES/2010/12/

Prints, per page, the bytes received (headers + body) for the HTML and for
each stylesheet and script, and the total against the 100 KB budget.
"""

import gzip
import re
import sys
import urllib.request
from urllib.parse import urljoin

BUDGET = 100 * 1024
ASSETS = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def fetch(url: str) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", "User-Agent": "page-weight"})
    with urllib.request.urlopen(request) as response:
        body = response.read()
        headers = str(response.headers)
        encoding = response.headers.get("Content-Encoding", "identity")
        text = gzip.decompress(body) if encoding == "gzip" else body
        return len(body) + len(headers), encoding, text


def main(base: str, paths: list[str]) -> int:
    over = 0
    for path in paths:
        size, encoding, body = fetch(urljoin(base, path))
        rows = [(path, size, encoding)]
        for asset in ASSETS.findall(body.decode("utf-8", "replace")):
            asset_size, asset_encoding, _ = fetch(urljoin(base, asset))
            rows.append((asset, asset_size, asset_encoding))
        total = sum(size for _, size, _ in rows)
        for name, size, encoding in rows:
            print(f"  {size / 1024:7.1f} KB  {encoding:8}  {name}")
        verdict = "ok" if total <= BUDGET else "OVER BUDGET"
        print(f"{total / 1024:7.1f} KB total for {path} ({verdict}, budget {BUDGET // 1024} KB)\n")
        over += total > BUDGET
    return 1 if over else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
