#!/usr/bin/env python
"""Django's command-line utility; also installed as the `csst` console script."""

from csst.cli import main

if __name__ == "__main__":
    main()
