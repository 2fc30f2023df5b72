"""Untrusted content, safe output: one allowlist (allowlist.py) judges what authors' Markdown
renders to, every field an editor writes, and every file that is published.

- markdown.py: the last step of the Markdown extension, over the rendered tree and raw HTML;
- fields.py: front matter, nav titles, the term base, the UI strings (plain text);
- files.py: the files of docs/ that are published as they are (SVG, images);
- csp.py: the Content Security Policy, inside every page and for the server.
"""


class ContentError(Exception):
    """Content refused while rendering text that belongs to no page of the model."""
