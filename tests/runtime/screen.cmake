# SPDX-License-Identifier: GPL-3.0-or-later
# Suites for the screen and its menu.
neurorack_add_test(tst_menu SOURCES runtime/tst_menu.cpp LABELS unit LIBS neurorack-runtime-lib)
# Paints every page offscreen and saves them under <build>/screens/ for people to look at.
neurorack_add_test(tst_screenpainter SOURCES runtime/tst_screenpainter.cpp LABELS unit LIBS neurorack-runtime-lib)
