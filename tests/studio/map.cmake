# SPDX-License-Identifier: GPL-3.0-or-later
# Studio's descriptor map: the point summaries and the PCA, the sample importer, the
# map widget (axes, hover, click to play, Ctrl+click to morph, CV marker, screenshot).
neurorack_add_test(tst_descriptormap SOURCES studio/tst_descriptormap.cpp LABELS gui LIBS neurorack-studio-map GUI)
# 10 000 points: fill, axis switch, recolour, repaint, hover lookup (prints figures).
add_executable(bench_descriptormap studio/bench_descriptormap.cpp)
target_link_libraries(bench_descriptormap PRIVATE neurorack-studio-map)
add_test(NAME bench_descriptormap COMMAND bench_descriptormap)
set_tests_properties(bench_descriptormap PROPERTIES LABELS "benchmark" ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
