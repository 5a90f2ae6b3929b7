"""Typed content models, one module per kind of workspace file."""

from .base import Model

__all__ = ["Model"]
