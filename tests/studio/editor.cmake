# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of Studio's preset editor panel.
neurorack_add_test(tst_preseteditor SOURCES studio/tst_preseteditor.cpp LABELS gui LIBS neurorack-studio-editor GUI)
