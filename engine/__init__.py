"""chitieu — checks a commune's reported results against the targets of the plans it implements."""

__version__ = "0.1.0"
