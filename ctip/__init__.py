"""Build code of the counter-trafficking training site.

`ctip.quiz` holds the quiz model, parser, renderer, Markdown extension and exporters and does
not import MkDocs; `ctip.mkdocs_plugin` holds what only an MkDocs build needs.
"""
