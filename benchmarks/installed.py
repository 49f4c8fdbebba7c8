"""Processes timed as on a machine where opsbook is installed.

pip compiles a package's modules to bytecode when it installs it, and Python reuses that
cache at every start. Some environments (containers, CI images) set
``PYTHONDONTWRITEBYTECODE``, so that every process compiles every module of opsbook again
from source; a timing taken there measures the compiler, not opsbook. The benchmarks run
their processes with :func:`environment` and call :func:`compile_bytecode` first.
"""

from __future__ import annotations

import compileall
import os
from pathlib import Path


def environment() -> dict[str, str]:
    """This process's environment without ``PYTHONDONTWRITEBYTECODE``."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_bytecode() -> None:
    """Write the bytecode cache of the opsbook package being timed, as pip would."""
    import opsbook

    compileall.compile_dir(str(Path(opsbook.__file__).parent), quiet=1)
