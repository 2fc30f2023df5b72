"""Tools for editors and translators: content check, translation status, module scaffolding."""
