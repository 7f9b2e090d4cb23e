"""The seed commune's facts, shipped as package data (chitieu.seed) so that `chitieu check` works from an installed
wheel. Fact files are YAML; nothing in this folder is code."""
