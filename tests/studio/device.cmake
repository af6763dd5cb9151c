# SPDX-License-Identifier: GPL-3.0-or-later
# Studio's device panel against neurorack-runtime (sim panel) on a pty cable, as
# tests/sync/tst_sync.cpp does for the client (PtyLink and RuntimeProcess come from
# sync/sync.cmake and tests/CMakeLists.txt).
if(NEURORACK_BUILD_RUNTIME AND NEURORACK_BUILD_STUDIO)
  neurorack_add_test(tst_devicepanel SOURCES studio/tst_devicepanel.cpp LABELS gui integration slow
                     LIBS neurorack-studio-device neurorack-ptylink neurorack-runtimeprocess neurorack-testsupport GUI)
  add_dependencies(tst_devicepanel neurorack-runtime)
endif()
