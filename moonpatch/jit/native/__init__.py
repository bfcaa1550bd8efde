"""Tier 2: native code for numeric Lua (see ir.py for the machine-level layer)."""
