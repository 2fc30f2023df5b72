#!/usr/bin/env python3
"""Alias of the `ctip` command (see `ctip --help`), for those used to scripts/docs.py."""

import sys

from ctip.cli import main

if __name__ == "__main__":
    sys.exit(main())
