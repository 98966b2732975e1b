"""Tagalong: coaching platform built around calf health."""

__version__ = "0.1.0"
