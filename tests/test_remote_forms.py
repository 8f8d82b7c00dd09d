"""What a remote store does to text without a server: literal forms, an error page's reason, cut answers,
prefixes sent with a query."""

from __future__ import annotations

import base64
import http.server
import threading
from decimal import Decimal
from email.message import Message
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Literal
from rdflib.namespace import XSD

from strategygraph.errors import StrategyGraphError
from strategygraph.stores.http_client import Credentials, HttpAnswer, http_request, server_reason
from strategygraph.stores.literal_forms import canonical_lexical, canonical_literal
from strategygraph.stores.remote import check_complete, term_from_json
from strategygraph.stores.sparql_text import declared_prefixes, with_prefixes

DECIMAL, INTEGER, BOOLEAN = str(XSD.decimal), str(XSD.integer), str(XSD.boolean)
DENIED = "Permission denied for delete from DB.DBA.RDF_QUAD"
VIRTUOSO_403 = """<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html>
  <head>
    <title>SPARQL Graph Protocol request failed</title>
  </head>
  <body>
    <h1>HTTP/1.1 403 Forbidden</h1>
    <h3>Error 42000</h3>
<xmp>SQ110:SECURITY: Permission denied for delete from DB.DBA.RDF_QUAD (user ID = 107)</xmp></body></html>
"""


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-(10**6), max_value=10**6))
def test_a_decimal_has_one_form_however_it_was_written(value: Decimal) -> None:
    """Virtuoso's ``1``, rdflib's ``1.00`` and Oxigraph's ``1.0`` are one form: the value kept, one digit after
    the point at least, no trailing zeros."""
    forms = {canonical_lexical(text, DECIMAL) for text in (str(value), f"{value:.6f}", format(value.normalize(), "f"))}
    (form,) = forms
    assert Decimal(form) == value
    fraction = form.partition(".")[2]
    assert fraction
    assert fraction == "0" or not fraction.endswith("0")
    assert canonical_lexical(form, DECIMAL) == form


def test_integers_and_booleans_and_other_types() -> None:
    assert canonical_lexical("+007", INTEGER) == "7"
    assert canonical_lexical("1", BOOLEAN) == "true"
    assert canonical_lexical("0", BOOLEAN) == "false"
    assert canonical_lexical("not a number", DECIMAL) == "not a number"
    assert canonical_lexical("2024-05", str(XSD.gYearMonth)) == "2024-05"
    assert canonical_literal(Literal("0.80", datatype=XSD.decimal)) == Literal("0.8", datatype=XSD.decimal)
    assert canonical_literal(Literal("x", lang="da")) == Literal("x", lang="da")


def test_virtuosos_whole_decimal_reads_back_as_written() -> None:
    read = term_from_json({"type": "typed-literal", "datatype": DECIMAL, "value": "1"})
    assert read == Literal("1.0", datatype=XSD.decimal)
    assert str(read) == "1.0"


@pytest.mark.parametrize(
    ("body", "content_type", "reason"),
    [
        (
            VIRTUOSO_403,
            "text/html",
            "SQ110:SECURITY: Permission denied for delete from DB.DBA.RDF_QUAD (user ID = 107)",
        ),
        ("<html><head><title>Oops</title></head><body><p>Graph  not\nfound</p></body></html>", "", "Graph not"),
        (
            "Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error\n\nSPARQL query:\n…",
            "text/plain",
            "Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error",
        ),
        ("", "text/html", ""),
    ],
)
def test_an_error_page_gives_its_reason(body: str, content_type: str, reason: str) -> None:
    assert server_reason(body, content_type) == reason


def _answer(**headers: str) -> HttpAnswer:
    message = Message()
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    return HttpAnswer(200, "application/sparql-results+json", message, b"")


def test_an_answer_cut_short_is_an_error() -> None:
    check_complete(_answer(X_SPARQL_MaxRows="10000"), 9_999, "http://s/sparql")  # under the limit: complete
    check_complete(_answer(), 10_000, "http://s/sparql")  # no limit announced
    with pytest.raises(StrategyGraphError, match="stopped at the service's limit of 10,000 rows"):
        check_complete(_answer(X_SPARQL_MaxRows="10000"), 10_000, "http://s/sparql")
    with pytest.raises(StrategyGraphError, match=r"time limit .*MaxQueryExecutionTime.*: RC\.\.\. incomplete"):
        check_complete(_answer(X_SQL_State="S1TAT", X_SQL_Message="RC... incomplete"), 3, "http://s/sparql")


def test_prefixes_are_sent_only_where_the_query_lacks_them() -> None:
    query = "PREFIX sg: <https://example.org/other#>\n# PREFIX skos: <x>\nSELECT * WHERE { ?s sg:p ?o }"
    assert declared_prefixes(query) == {"sg"}
    sent = with_prefixes(query, {"sg": "https://w3id.org/sg#", "skos": "http://www.w3.org/2004/02/skos/core#"})
    assert sent == "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n" + query


class _LoginFirst(http.server.BaseHTTPRequestHandler):
    """A store that asks for a login and, like Virtuoso, answers an unsigned upload with 401 at once and closes
    the connection without reading the body."""

    puts: ClassVar[list[int]] = []

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def _refuse(self) -> None:
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="store"')
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True

    def do_HEAD(self) -> None:
        self._refuse()

    def do_PUT(self) -> None:
        expected = "Basic " + base64.b64encode(b"dba:secret").decode("ascii")
        if self.headers.get("Authorization") != expected:
            self._refuse()
            return
        self.puts.append(len(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(201)
        self.send_header("Content-Length", "0")
        self.end_headers()


def test_a_large_upload_is_signed_before_it_is_sent() -> None:
    """Unsigned, the server's early 401 would break the pipe while the body is sent; signed first, one PUT."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _LoginFirst)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/store?graph=g"
        body = b"<a> <b> <c> .\n" * 400_000
        answer = http_request(
            url, "PUT", body, {"Content-Type": "application/n-triples"}, 10, credentials=Credentials("dba", "secret")
        )
        assert answer.status == 201
        assert _LoginFirst.puts == [len(body)]
    finally:
        server.shutdown()
        server.server_close()
