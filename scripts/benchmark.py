#!/usr/bin/env python3
"""Alias of `ctip benchmark` (see `ctip benchmark --help`)."""

import sys

from ctip.benchmark import main

if __name__ == "__main__":
    sys.exit(main())
