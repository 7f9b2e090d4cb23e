"""One file per schema revision, in order; never edit a released one, add the next."""
