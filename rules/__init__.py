"""The rule catalogue, shipped as package data (chitieu.rules). The catalogue is the YAML files here; nothing in this
folder is code, and chitieu reads the files with importlib.resources, never imports them."""
