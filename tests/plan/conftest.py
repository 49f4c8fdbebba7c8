"""The plan tests tell issues in words: the registry registers every kind's codes."""

from opsbook import registry

registry.kinds()
