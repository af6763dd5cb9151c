# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of Studio's preview panel, and the benchmark of its edit-to-sound path.
neurorack_add_test(tst_preview SOURCES studio/tst_preview.cpp LABELS gui LIBS neurorack-studio-preview GUI)

add_executable(bench_preview studio/bench_preview.cpp)
target_link_libraries(bench_preview PRIVATE neurorack-studio-preview Qt6::Test)
add_test(NAME bench_preview COMMAND bench_preview)
set_tests_properties(bench_preview PROPERTIES LABELS "benchmark" ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
