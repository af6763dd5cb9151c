# SPDX-License-Identifier: GPL-3.0-or-later
# Suites for the linux panel backend (register-level logic against a fake bus).
