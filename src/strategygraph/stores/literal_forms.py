"""Typed literals in one form whichever store holds them: what rdflib keeps as written, Oxigraph and Virtuoso
give back in forms of their own (Virtuoso: ``1.0`` as ``1``); answers and published data use this form."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from rdflib import Literal
from rdflib.namespace import XSD

_XSD_DECIMAL, _XSD_INTEGER, _XSD_BOOLEAN = str(XSD.decimal), str(XSD.integer), str(XSD.boolean)


def canonical_lexical(text: str, datatype: str) -> str:
    """The form both local stores give a typed literal: integers without leading zeros or sign ``+``, booleans
    ``true``/``false``, decimals without trailing zeros but one digit after the point (``1.0``, as Turtle writes
    a whole decimal and Oxigraph gives it back; Virtuoso gives ``1``). Anything else, or a malformed value, stays
    as it is."""
    try:
        if datatype == _XSD_DECIMAL:
            plain = format(Decimal(text).normalize(), "f")
            return plain if "." in plain else f"{plain}.0"
        if datatype == _XSD_INTEGER:
            return str(int(text))
    except (InvalidOperation, ValueError):
        return text
    if datatype == _XSD_BOOLEAN and text in {"1", "0"}:
        return "true" if text == "1" else "false"
    return text


def canonical_literal(term: Literal) -> Literal:
    if term.datatype is None or term.language:
        return term
    text = canonical_lexical(str(term), str(term.datatype))
    return term if text == str(term) else Literal(text, datatype=term.datatype)
