"""HTTP for the remote stores: one request at a time, optional credentials, and one-line errors that give the
server's own reason (Virtuoso's ``Permission denied for delete from DB.DBA.RDF_QUAD``, not ``<!DOCTYPE …>``)."""

from __future__ import annotations

import base64
import http.client
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import Message
from html.parser import HTMLParser
from typing import ClassVar

from ..errors import StrategyGraphError
from ..i18n import Phrase

DEFAULT_TIMEOUT = 30.0  # seconds to connect, and to wait for each part of an answer
PASSWORD_VARIABLE = "STRATEGYGRAPH_PASSWORD"


@dataclass(frozen=True)
class Credentials:
    """A user name and password for HTTP basic or digest authentication (whichever the server asks for)."""

    user: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class HttpAnswer:
    """A successful answer: status, content type (without parameters), headers and body."""

    status: int
    content_type: str
    headers: Message
    body: bytes


def check_endpoint_url(url: str) -> str:
    """``url`` if it is an http(s) URL with a host; anything else (file:, ftp:, typos) is an error."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise StrategyGraphError("error_not_endpoint_url", url=url)
    return url


def with_parameter(url: str, name: str, value: str | None) -> str:
    """``url`` with one more query parameter (``value`` None: the bare name)."""
    parts = urllib.parse.urlsplit(url)
    pair = urllib.parse.quote(name) if value is None else urllib.parse.urlencode({name: value})
    query = f"{parts.query}&{pair}" if parts.query else pair
    return urllib.parse.urlunsplit(parts._replace(query=query))


def _opener(url: str, credentials: Credentials | None) -> urllib.request.OpenerDirector:
    if credentials is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, url, credentials.user, credentials.password)
    return urllib.request.build_opener(
        urllib.request.HTTPBasicAuthHandler(passwords), urllib.request.HTTPDigestAuthHandler(passwords)
    )


def http_request(
    url: str,
    method: str = "GET",
    data: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    missing_ok: bool = False,
    credentials: Credentials | None = None,
) -> HttpAnswer:
    """Send one HTTP request; errors become one-line StrategyGraphErrors that name the URL (refused, reset, no
    answer within ``timeout`` seconds, an HTTP error status with the server's reason). ``missing_ok``: a 404 is
    an empty answer with status 404."""
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    if credentials is not None and data:
        _sign_before_sending(request, credentials, timeout)
    try:
        with _opener(url, credentials).open(request, timeout=timeout) as response:
            return HttpAnswer(response.status, response.headers.get_content_type(), response.headers, response.read())
    except urllib.error.HTTPError as error:
        if missing_ok and error.code == 404:
            return HttpAnswer(404, "", error.headers, b"")
        raise _status_error(error, method, url, credentials) from None
    except (OSError, http.client.HTTPException) as error:
        raise _connection_error(error, method, url, timeout) from None


def _sign_before_sending(request: urllib.request.Request, credentials: Credentials, timeout: float) -> None:
    """Sign a request that carries a body before it goes out. A server that asks for a login answers 401 as soon
    as the headers arrive and may close the connection while the body is still on its way (a broken pipe, seen
    with Virtuoso's digest login on a large ``publish``); so its challenge is fetched first with a bodiless
    ``HEAD``, and the request is sent with its ``Authorization`` already in place."""
    probe = urllib.request.Request(request.full_url, method="HEAD")
    try:
        with urllib.request.build_opener().open(probe, timeout=timeout):
            return  # no login asked for
    except urllib.error.HTTPError as error:
        challenge = error.headers.get("WWW-Authenticate", "") if error.code == 401 else ""
    except (OSError, http.client.HTTPException):
        return  # the request itself will say what is wrong
    scheme, _, parameters = challenge.partition(" ")
    if scheme.lower() == "basic":
        token = base64.b64encode(f"{credentials.user}:{credentials.password}".encode()).decode("ascii")
        request.add_unredirected_header("Authorization", f"Basic {token}")
    elif scheme.lower() == "digest":
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, request.full_url, credentials.user, credentials.password)
        fields = urllib.request.parse_keqv_list([part for part in urllib.request.parse_http_list(parameters) if part])
        signed = urllib.request.HTTPDigestAuthHandler(passwords).get_authorization(request, fields)
        if signed:
            request.add_unredirected_header("Authorization", f"Digest {signed}")


def _status_error(
    error: urllib.error.HTTPError, method: str, url: str, credentials: Credentials | None
) -> StrategyGraphError:
    try:
        body = error.read().decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        body = ""
    reason = server_reason(body, error.headers.get_content_type() if error.headers else "")
    message = f": {reason}" if reason else ""
    hint: object = ""
    if error.code == 401:
        hint = (
            Phrase("error_http_wrong_login")
            if credentials
            else Phrase("error_http_give_user", {"variable": PASSWORD_VARIABLE})
        )
    return StrategyGraphError(
        "error_http_status",
        method=method,
        url=url,
        status=str(error.code),
        reason=error.reason,
        detail=message,
        hint=hint,
    )


class _TextOfHtml(HTMLParser):
    """The text of an HTML error page: preformatted parts (``<pre>``, ``<xmp>``) apart, titles and headings left
    out (they repeat the status)."""

    _SKIPPED: ClassVar[frozenset[str]] = frozenset({"title", "h1", "h2", "style", "script", "head"})
    _PREFORMATTED: ClassVar[frozenset[str]] = frozenset({"pre", "xmp", "code"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []
        self.preformatted: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append(tag)
        if tag == "xmp":  # its content is raw text, like <script>'s
            self.set_cdata_mode(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if any(tag in self._SKIPPED for tag in self.open):
            return
        target = self.preformatted if any(tag in self._PREFORMATTED for tag in self.open) else self.text
        target.append(data)


def server_reason(body: str, content_type: str = "") -> str:
    """The first meaningful line of an error answer (plain text, or the text of an HTML page), at most 300
    characters; empty if there is none."""
    text = body
    if content_type == "text/html" or body.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        parser = _TextOfHtml()
        parser.feed(body)
        parser.close()
        text = "".join(parser.preformatted) or "".join(parser.text)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return next((line[:300] for line in lines if line), "")


def _connection_error(error: Exception, method: str, url: str, timeout: float) -> StrategyGraphError:
    reason: object = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, TimeoutError):
        return StrategyGraphError("error_http_timeout", method=method, url=url, seconds=float(timeout))
    if isinstance(error, urllib.error.URLError):  # failed before the request was sent
        return StrategyGraphError("error_unreachable", url=url, cause=_why(reason))
    return StrategyGraphError("error_connection_failed", method=method, url=url, cause=_why(reason))


def _why(reason: object) -> object:
    """The cause to show: an OS error (told in the user's language), else the first line of its text."""
    if isinstance(reason, OSError) and reason.strerror:
        return reason
    text = str(reason).strip()
    return (text.splitlines() or [type(reason).__name__])[0][:200] if text else type(reason).__name__
