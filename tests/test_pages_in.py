"""Pages in: saved HTML pages in a corpus, and `reconcile add URL...` against a local server.

The pages are written here, with the furniture real pages carry (a cookie
banner, navigation, a caption, a related-story list, a share bar, comments);
the server listens on 127.0.0.1 only: no test touches the internet.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import write
from tui.cli import main
from tui.engine.text.loading import load_corpus

PAGE = """<!doctype html><html><head><title>{title} - Harbour Times</title>
<meta property="og:site_name" content="Harbour Times"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-05-02T10:00:00Z"></head><body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all</div>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
<figure><img src="boat.jpg"><figcaption>A frigate near the lighthouse. Photo: AFP</figcaption></figure>
{body}
<aside><h3>Related stories</h3><ul><li><a href="/a">Storm closes the northern port</a></li>
<li><a href="/b">Council approves the harbour budget</a></li><li><a href="/c">Ferry fares to rise</a></li></ul></aside>
<div class="share">Share on Facebook Share on X Copy link</div></article>
<section id="comments"><h3>Comments</h3><p>Great reporting, thanks! - Bob</p></section></body></html>"""
RAMMED = PAGE.format(title="Navy says patrol boat was rammed", body=(
    "<p>The navy said the frigate rammed the patrol boat near the lighthouse early on Monday, injuring two "
    "sailors.</p><p>Petrov rejected the account and said the boat had swerved into the frigate's path.</p>"))
WARNINGS = PAGE.format(title="Crew ignored warnings, ministry says", body=(
    "<p>The ministry said the crew of the patrol boat ignored three radio warnings before the collision.</p>"
    "<p>Olsen said no warning was ever given and that the frigate had turned its radio off.</p>"))


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        routes = {
            "/rammed": (200, "text/html; charset=utf-8", RAMMED.encode()),
            "/rammed-copy": (200, "text/html; charset=utf-8", RAMMED.encode()),
            "/warnings": (200, "text/html; charset=utf-8", WARNINGS.encode()),
            "/report.pdf": (200, "application/pdf", b"%PDF-1.4"),
            "/huge": (200, "text/html", b"<p>" + b"x" * (6 * 1024 * 1024) + b"</p>"),
        }
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(1.5)
        status, kind, body = routes.get(self.path, (404, "text/html", b"<h1>Not found</h1>"))
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass   # the client gave up (the size and time limits under test)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_saved_page_opens_as_a_clean_article_with_its_metadata(tmp_path: Path) -> None:
    write(tmp_path, "rammed.html", RAMMED)
    article = load_corpus(tmp_path).articles[0]
    assert (article.id, article.title, article.outlet, article.date) == (
        "rammed.html", "Navy says patrol boat was rammed", "Harbour Times", "2024-05-02")
    texts = [p.text for p in article.paragraphs]
    assert any(t.startswith("The navy said the frigate rammed") for t in texts)
    assert any(t.startswith("Petrov rejected the account") for t in texts)
    joined = " ".join(texts)
    for furniture in ("cookies", "Home", "Related stories", "Share on", "Great reporting", "Photo: AFP"):
        assert furniture not in joined, furniture
    stored = tmp_path / ".reconcile" / "extracted" / "rammed.html.md"
    assert stored.read_text(encoding="utf-8") == article.source_text   # spans point into the stored text
    for p in article.paragraphs:
        assert article.source_text[p.start:p.end] == p.text


def test_the_stored_extract_is_reused_until_the_page_changes(tmp_path: Path) -> None:
    write(tmp_path, "rammed.html", RAMMED)
    load_corpus(tmp_path)
    stored = tmp_path / ".reconcile" / "extracted" / "rammed.html.md"
    stored.write_text(stored.read_text(encoding="utf-8").replace("early on Monday", "on Monday"), encoding="utf-8")
    assert "on Monday, injuring" in load_corpus(tmp_path).articles[0].source_text   # reused as stored
    write(tmp_path, "rammed.html", WARNINGS)
    assert "radio warnings" in load_corpus(tmp_path).articles[0].source_text       # page changed: extracted again


def test_add_writes_articles_and_pages_and_reports_each_failure(server: str, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "corpus"
    urls = [f"{server}/rammed", f"{server}/warnings", f"{server}/missing", f"{server}/loop",
            f"{server}/report.pdf", f"{server}/huge", f"{server}/slow", "ftp://example.org/x"]
    assert main(["add", *urls, "--to", str(folder), "--timeout", "0.5"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert sorted(f.name for f in folder.glob("*.md")) == ["01_127.md", "02_127.md"]
    assert sorted(f.name for f in (folder / ".pages").iterdir()) == ["01_127.html", "02_127.html"]
    problems = {line.split(": ", 2)[1].rsplit(" ", 1)[-1]: line for line in err if "failed" in line}
    assert "HTTP 404" in problems[f"{server}/missing"]
    assert "redirect" in problems[f"{server}/loop"]
    assert "not an HTML page (application/pdf)" in problems[f"{server}/report.pdf"]
    assert "larger than 5 MB" in problems[f"{server}/huge"]
    assert "no answer within 0.5 s" in problems[f"{server}/slow"]
    assert "not an http(s) address" in problems["ftp://example.org/x"]
    assert err[-1] == f"reconcile: 2 added, 0 already there, 6 failed (in {folder})"
    text = (folder / "01_127.md").read_text(encoding="utf-8")
    for key in ('title = "Navy says patrol boat was rammed"', 'outlet = "Harbour Times"', 'author = "Jane Doe"',
                'date = "2024-05-02"', f'url = "{server}/rammed"', "fetched = ", "page_sha256 = "):
        assert key in text, key
    corpus = load_corpus(folder)
    assert [a.title for a in corpus.articles] == ["Navy says patrol boat was rammed",
                                                 "Crew ignored warnings, ministry says"]


def test_add_never_adds_an_article_twice_nor_overwrites_without_force(server: str, tmp_path: Path,
                                                                       capsys) -> None:
    folder = tmp_path / "corpus"
    list_file = write(tmp_path, "urls.txt", f"# two pages\n{server}/rammed\n\n{server}/warnings  # the second\n")
    assert main(["add", "--from", str(list_file), "--to", str(folder)]) == 0
    first = folder / "01_127.md"
    first.write_text(first.read_text(encoding="utf-8") + "\nA line the user added by hand.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["add", f"{server}/rammed", f"{server}/rammed-copy", "--to", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "rammed: already there as 01_127.md" in err and "rammed-copy: already there as 01_127.md" in err
    assert sorted(f.name for f in folder.glob("*.md")) == ["01_127.md", "02_127.md"]
    assert "by hand" in first.read_text(encoding="utf-8")   # not overwritten without --force
    assert main(["add", f"{server}/rammed", "--force", "--to", str(folder)]) == 0
    assert "by hand" not in first.read_text(encoding="utf-8")   # refetched in place
    assert sorted(f.name for f in folder.glob("*.md")) == ["01_127.md", "02_127.md"]


def test_add_without_urls_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    assert main(["add", "--to", str(tmp_path)]) == 1
    assert capsys.readouterr().err == "reconcile: add: no URL given (as arguments or with --from FILE)\n"


def test_the_reader_adds_articles_by_url_and_analyses_them(server: str, tmp_path: Path) -> None:
    """Palette: "Add articles by URL" -> paste addresses -> ctrl+s: the pages join the corpus
    and the analysis."""
    import asyncio

    from test_ui_support import settle
    from tui.ui.app import ReconcileApp
    from tui.ui.screens.add_urls import AddUrlsScreen

    write(tmp_path, "01_wire.md", '+++\noutlet = "Wire"\n+++\n\nThe navy said the frigate rammed the '
          "patrol boat near the lighthouse early on Monday.\n")

    async def run() -> None:
        app = ReconcileApp(load_corpus(tmp_path), theme_name="dark", notes_path=tmp_path / "n.toml")
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            app.action_add_urls()
            await pilot.pause()
            assert isinstance(app.screen, AddUrlsScreen)
            app.screen.query_one("TextArea").text = f"see {server}/warnings and\n{server}/missing\n"
            await pilot.press("ctrl+s")
            for _ in range(100):
                await pilot.pause(0.05)
                if len(app.corpus.articles) == 2 and app.analysis and len(app.analysis.corpus.articles) == 2:
                    break
            await settle(pilot)
            assert [a.id for a in app.corpus.articles] == ["01_wire.md", "02_127.md"]
            assert [a.id for a in app.analysis.corpus.articles] == ["01_wire.md", "02_127.md"]

    asyncio.run(run())


def test_the_page_extractor_imports() -> None:
    """Found by the fuzz: with lxml 6, justext's `lxml.html.clean` needs lxml_html_clean, which
    nothing installed, so every saved page ended the export in an ImportError traceback."""
    import trafilatura  # noqa: F401


def test_a_broken_extractor_skips_the_page_in_one_line(tmp_path: Path, capsys, monkeypatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)   # `import trafilatura` raises ImportError
    write(tmp_path, "rammed.html", RAMMED)
    write(tmp_path, "note.txt", "The navy said the frigate rammed the patrol boat near the lighthouse.\n")
    assert main(["export", str(tmp_path), "--format", "json"]) == 0
    err = capsys.readouterr().err
    assert "rammed.html: skipped, web pages cannot be read here" in err and err.count("\n") == 1
