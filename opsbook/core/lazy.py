"""What is imported on first use: a function named by its module, and the public names of a
package (PEP 562), so that ``import opsbook`` and every command load only what they run."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any, Callable, Mapping, Sequence


@dataclass(frozen=True)
class Lazy:
    """A function named ``"module:name"``, imported when it is first called: a kind's
    computation, sample and summary are loaded only by the commands that use them (reading
    and validating need none of them, and a command starts faster and smaller)."""

    target: str

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        module, name = self.target.split(":")
        return getattr(import_module(module), name)(*args, **kwargs)


def lazy_names(package: str, namespace: dict[str, Any], where: Mapping[str, str],
               public: Sequence[str], made: Mapping[str, Callable[[], Any]] | None = None,
               ) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A package's ``__getattr__`` and ``__dir__`` for names imported on first use.

    A name of ``where`` comes from the module it maps to (an absolute module name), one of
    ``made`` from calling its function, any other from the package's own subpackage or
    module of that name; each is kept in ``namespace`` (the package's ``globals()``) once
    found. ``__dir__`` lists ``namespace`` and ``public``. AttributeError for a name that
    is none of these.
    """
    made = made or {}

    def __getattr__(name: str) -> Any:
        if name in made:
            value = made[name]()
        elif name in where:
            value = getattr(import_module(where[name]), name)
        elif not name.startswith("__"):
            try:
                value = import_module(f"{package}.{name}")
            except ModuleNotFoundError as error:
                if error.name != f"{package}.{name}":
                    raise
                raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *public})

    return __getattr__, __dir__
