"""The base of the package's plain record types.

Plain classes with slots rather than dataclasses: each dataclass costs about half a
millisecond to create at import, and `votes validate` must start fast (see
benchmarks/). Subclasses list their fields in `__slots__` and write `__init__`.
"""

from __future__ import annotations


class Record:
    """Slots, a readable repr and field-by-field equality."""

    __slots__ = ()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other) -> bool:
        return type(self) is type(other) and all(
            getattr(self, name) == getattr(other, name) for name in self.__slots__)

    __hash__ = None
