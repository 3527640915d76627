"""Child processes end when the process that started them is gone.

A render worker or an export's child left running after the app or the command was killed
(kill -9, a crash, a logout) goes on using a core, holds rendered charters in memory and keeps
multiprocessing's resource tracker alive with it. `watch_parent()`, called first thing in every
child the app starts (a pool's initializer, a child process's entry point), makes it leave as
soon as its parent is gone:

- on Linux the kernel signals the child when its parent dies (`PR_SET_PDEATHSIG`). It does so
  when the *thread* that started the child ends, too (the preview's worker is started from
  whichever thread asks first), so the signal is a catchable one whose handler leaves only if
  the parent process really is gone;
- everywhere, a daemon thread checks a few times a second (on POSIX the parent's pid changes
  when the child is handed to init; Windows keeps the old pid, so there it asks whether the
  parent is still running).

The child leaves with `os._exit`: nothing of its work is worth finishing for nobody, and the
temporary files it leaves carry its pid, so the next run removes them (`temp_files`).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading

POLL_SECONDS = 0.25
EXIT_CODE = 1
_PR_SET_PDEATHSIG = 1
_DEATH_SIGNAL = getattr(signal, "SIGUSR2", None)  # unused elsewhere in the app


def watch_parent() -> None:
    """Leave this process as soon as the process that started it is gone."""
    parent = os.getppid()
    if sys.platform.startswith("linux") and threading.current_thread() is threading.main_thread():
        _ask_the_kernel(parent)
    threading.Thread(target=_poll, args=(parent,), name="parent-watch", daemon=True).start()


def parent_gone(parent: int) -> bool:
    if sys.platform == "win32":
        return not process_alive(parent)
    return os.getppid() != parent


def process_alive(pid: int) -> bool:
    """Whether a process `pid` is running on this machine (of any user)."""
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _poll(parent: int) -> None:
    stop = threading.Event()
    while not stop.wait(POLL_SECONDS):
        if parent_gone(parent):
            os._exit(EXIT_CODE)


def _ask_the_kernel(parent: int) -> None:
    if _DEATH_SIGNAL is None:
        return

    def on_signal(_signum: int, _frame: object) -> None:
        if parent_gone(parent):
            os._exit(EXIT_CODE)

    with contextlib.suppress(OSError, AttributeError, ValueError):
        signal.signal(_DEATH_SIGNAL, on_signal)
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(_DEATH_SIGNAL), 0, 0, 0)
    if parent_gone(parent):  # it died before the kernel was told
        os._exit(EXIT_CODE)


def _windows_process_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    # os.kill(pid, 0) would send Ctrl+C on Windows; ask for the process's exit code instead.
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    query_limited_information, still_active, access_denied = 0x1000, 259, 5
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return bool(ctypes.get_last_error() == access_denied)  # type: ignore[attr-defined]
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
