"""The large set (`make bench-large`): 10k generated articles; `--count 100000 --skip ...` for more."""

import sys

from bench.run import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], count=10000, label="large"))
