"""Run the real `workshop-app` command and kill it (SIGKILL, by itself) at a chosen call.

    python kill_at.py MODULE:NAME[#N] ARGS...

The Nth call (the first by default) of MODULE.NAME (`os:replace`, `zipfile:ZipFile.write`)
kills the process on the spot, as `kill -9` would at that moment: the moment is exact, where
a kill from outside would land anywhere. Only this process is patched; its children run as
they are.
"""

from __future__ import annotations

import importlib
import os
import runpy
import signal
import sys
from typing import Any


def arm(spec: str) -> None:
    target, _, nth = spec.partition("#")
    module_name, _, attribute = target.partition(":")
    owner: Any = importlib.import_module(module_name)
    *path, name = attribute.split(".")
    for part in path:
        owner = getattr(owner, part)
    real = getattr(owner, name)
    calls = {"n": 0}

    def killing(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == int(nth or 1):
            print("KILLED", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)

    setattr(owner, name, killing)


if __name__ == "__main__":
    arm(sys.argv[1])
    sys.argv = ["workshop-app", *sys.argv[2:]]
    runpy.run_module("workshop_app", run_name="__main__")
