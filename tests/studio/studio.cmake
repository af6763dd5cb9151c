# SPDX-License-Identifier: GPL-3.0-or-later
# Neurorack Studio: one file of suites per panel, then the main window and the app end to end.
include(studio/map.cmake)
include(studio/editor.cmake)
include(studio/preview.cmake)
include(studio/mapping.cmake)
include(studio/device.cmake)

# The main window: panels wired together, undo and redo, files, autosave, layout.
neurorack_add_test(tst_mainwindow SOURCES studio/tst_mainwindow.cpp LABELS gui LIBS neurorack-studio-ui GUI)
# A new user's path: open a bank, edit, render, push to a sim runtime over a pty, pull back.
neurorack_add_test(tst_studio_e2e SOURCES studio/tst_studio_e2e.cpp sync/ptylink.h sync/ptylink.cpp
  LABELS gui integration slow LIBS neurorack-studio-ui neurorack-runtimeprocess GUI)
target_include_directories(tst_studio_e2e PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/sync)
add_dependencies(tst_studio_e2e neurorack-runtime)
# The translations: every French string present and finished, and loaded by the app.
if(DEBIAN_PYTHON3)
  add_test(NAME translations_complete COMMAND ${DEBIAN_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/studio/check_translations.py
    ${PROJECT_SOURCE_DIR}/translations/neurorack_fr.ts)
  set_tests_properties(translations_complete PROPERTIES LABELS unit)
endif()
# Edit to sound: the path from a preset edit to audio in the preview (prints figures).
add_executable(bench_studio studio/bench_studio.cpp)
target_link_libraries(bench_studio PRIVATE neurorack-studio-ui Qt6::Test)
add_test(NAME bench_studio COMMAND bench_studio)
set_tests_properties(bench_studio PROPERTIES LABELS "benchmark" ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
