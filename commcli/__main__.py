"""python -m commcli"""

from .cli import run

run()
