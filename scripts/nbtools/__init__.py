"""Notebook tooling: read the Jupytext sources, export .ipynb copies, links and JupyterLite."""
