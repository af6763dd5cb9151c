# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of Studio's mapping panel and virtual module (included from tests/CMakeLists.txt).
neurorack_add_test(tst_mappingeditor SOURCES studio/tst_mappingeditor.cpp LABELS gui
                   LIBS neurorack-studio-mapping GUI)
if(NEURORACK_BUILD_RUNTIME)
  neurorack_add_test(tst_virtualmodule SOURCES studio/tst_virtualmodule.cpp LABELS gui integration slow
                     LIBS neurorack-studio-mapping GUI)
  add_dependencies(tst_virtualmodule neurorack-runtime)
endif()
