"""Shared helpers for the report tests: building bundles through the CLI, and a structural GEXF 1.3 check.

No registry we may use ships the published GEXF 1.3 XSD, so :func:`check_gexf_13` checks, with lxml, the
rules of that schema our files rely on: namespaces and version, the order of ``meta`` and ``graph``, the
allowed values of ``defaultedgetype``/``mode``/``class``/``type``, unique node and edge ids, edges between
existing nodes, every ``attvalue`` pointing to a declared attribute of its class with a value of the
declared type, and ``viz`` colours and sizes in range.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from strategygraph.cli import cli

from .conftest import FIXTURES

REPORT_FIXTURE = FIXTURES / "report"
REPORT_EPOCH = "1772668800"  # SOURCE_DATE_EPOCH of the reports the tests build: 5 March 2026 (UTC)
GEXF = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
GEXF_TYPES = {"integer", "long", "double", "float", "boolean", "string", "liststring", "anyURI"}
NODE_CHILDREN = {f"{{{GEXF}}}attvalues", f"{{{GEXF}}}spells", f"{{{VIZ}}}color", f"{{{VIZ}}}size"}
NODE_CHILDREN |= {f"{{{VIZ}}}position", f"{{{VIZ}}}shape"}
EDGE_CHILDREN = {f"{{{GEXF}}}attvalues", f"{{{GEXF}}}spells", f"{{{VIZ}}}color", f"{{{VIZ}}}thickness"}


def build_report(out: Path, *options: str, data: Path | None = REPORT_FIXTURE, lang: str = "da") -> str:
    """Run ``report --out out`` (on the report fixture unless ``data`` is None); return stderr."""
    args = ["--lang", lang] + (["--data", str(data)] if data is not None else [])
    result = CliRunner().invoke(
        cli, [*args, "report", "--out", str(out), *options], env={"SOURCE_DATE_EPOCH": REPORT_EPOCH}
    )
    assert result.exit_code == 0, result.output
    return result.stderr


def _value_fits(value: str, kind: str) -> bool:
    try:
        if kind in {"integer", "long"}:
            int(value)
        elif kind in {"double", "float"}:
            float(value)
        elif kind == "boolean":
            return value in {"true", "false", "1", "0"}
    except ValueError:
        return False
    return True


def _declared(graph: etree._Element) -> dict[str, dict[str, str]]:
    declared: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for attributes in graph.findall(f"{{{GEXF}}}attributes"):
        klass = attributes.get("class")
        assert klass in declared, f"attributes class {klass!r}"
        assert attributes.get("mode", "static") in {"static", "dynamic"}
        for attribute in attributes:
            assert attribute.tag == f"{{{GEXF}}}attribute"
            key, kind = attribute.get("id"), attribute.get("type")
            assert key, "an attribute needs an id"
            assert attribute.get("title"), "an attribute needs a title"
            assert kind in GEXF_TYPES, f"attribute type {kind!r}"
            assert key not in declared[klass], f"attribute id {key!r} declared twice for {klass}"
            declared[klass][key] = kind
    return declared


def _check_attvalues(element: etree._Element, declared: dict[str, str]) -> None:
    for attvalues in element.findall(f"{{{GEXF}}}attvalues"):
        for attvalue in attvalues:
            assert attvalue.tag == f"{{{GEXF}}}attvalue"
            key, value = attvalue.get("for"), attvalue.get("value")
            assert key in declared, f"attvalue for undeclared attribute {key!r}"
            assert value is not None, f"attvalue for {key!r} without a value"
            assert _value_fits(value, declared[key]), f"{key}={value!r} is not {declared[key]}"


def _check_viz(element: etree._Element) -> None:
    colour = element.find(f"{{{VIZ}}}color")
    if colour is not None:
        for channel in "rgb":
            assert 0 <= int(colour.get(channel, "-1")) <= 255, f"viz:color {channel}"
    size = element.find(f"{{{VIZ}}}size")
    if size is not None:
        assert float(size.get("value", "-1")) >= 0


def check_gexf_13(data: bytes) -> tuple[int, int]:
    """Check ``data`` against the GEXF 1.3 rules above; return (nodes, edges)."""
    root = etree.fromstring(data)
    assert root.tag == f"{{{GEXF}}}gexf"
    assert root.get("version") == "1.3"
    assert root.get(f"{{{XSI}}}schemaLocation", "").split()[0] == GEXF
    children = [child.tag for child in root]
    assert children in ([f"{{{GEXF}}}meta", f"{{{GEXF}}}graph"], [f"{{{GEXF}}}graph"]), children
    graph = root.find(f"{{{GEXF}}}graph")
    assert graph is not None
    assert graph.get("defaultedgetype") in {"directed", "undirected", "mutual"}
    assert graph.get("mode", "static") in {"static", "dynamic"}
    declared = _declared(graph)

    node_ids: set[str] = set()
    for node in graph.iterfind(f"{{{GEXF}}}nodes/{{{GEXF}}}node"):
        node_id = node.get("id")
        assert node_id, "a node without an id"
        assert node_id not in node_ids, f"node id {node_id!r} repeated"
        node_ids.add(node_id)
        assert {child.tag for child in node} <= NODE_CHILDREN, {child.tag for child in node}
        _check_attvalues(node, declared["node"])
        _check_viz(node)

    edge_ids: set[str] = set()
    for edge in graph.iterfind(f"{{{GEXF}}}edges/{{{GEXF}}}edge"):
        edge_id = edge.get("id")
        assert edge_id, "an edge without an id"
        assert edge_id not in edge_ids, f"edge id {edge_id!r} repeated"
        edge_ids.add(edge_id)
        assert edge.get("source") in node_ids, f"edge {edge_id}: unknown source"
        assert edge.get("target") in node_ids, f"edge {edge_id}: unknown target"
        assert edge.get("type", "undirected") in {"directed", "undirected", "mutual"}
        float(edge.get("weight", "1"))
        assert {child.tag for child in edge} <= EDGE_CHILDREN
        _check_attvalues(edge, declared["edge"])
    for element in root.iter():
        if isinstance(element.tag, str):
            assert element.tag.startswith((f"{{{GEXF}}}", f"{{{VIZ}}}")), f"foreign element {element.tag}"
    return len(node_ids), len(edge_ids)
