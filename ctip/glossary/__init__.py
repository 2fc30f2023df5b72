"""The term base (docs/termbase.yml): glossary page and abbreviation tooltips, per language."""
