# SPDX-License-Identifier: GPL-3.0-or-later
# Suites for the screen and its menu.
