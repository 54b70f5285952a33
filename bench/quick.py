"""The quick set (`make bench`): 1k generated articles, every step, a few minutes on 2 cores."""

import sys

from bench.run import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], count=1000, label="quick"))
