"""strategygraph: a semantic knowledge graph of a municipality's strategy."""

from __future__ import annotations

from .errors import InputError, NotFoundError, StrategyGraphError

__all__ = ["InputError", "NotFoundError", "StrategyGraphError", "__version__"]
__version__ = "0.1.0"
