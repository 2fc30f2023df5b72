#!/usr/bin/env python3
"""Alias of `ctip offline` (see `ctip offline --help`)."""

import sys

from ctip.offline import main

if __name__ == "__main__":
    sys.exit(main())
