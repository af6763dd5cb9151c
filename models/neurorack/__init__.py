# SPDX-License-Identifier: GPL-3.0-or-later
"""Neurorack's impact model and its training recipe (run with Debian's /usr/bin/python3)."""
