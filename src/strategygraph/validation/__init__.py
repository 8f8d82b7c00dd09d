"""Checks of a loaded graph: the SHACL shapes and every source pointer against its source file."""
