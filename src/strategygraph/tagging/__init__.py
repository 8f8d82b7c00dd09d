"""Themes found in text: the thesaurus, its lexicon, the tagger, theme mentions and their quality."""
