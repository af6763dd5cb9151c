# SPDX-License-Identifier: GPL-3.0-or-later
# Included from tests/CMakeLists.txt: the USB link's suites.
neurorack_add_test(tst_protocol SOURCES sync/tst_protocol.cpp LABELS unit)
if(NEURORACK_BUILD_RUNTIME AND NEURORACK_BUILD_STUDIO)
  add_library(neurorack-ptylink STATIC sync/ptylink.h sync/ptylink.cpp)
  target_link_libraries(neurorack-ptylink PUBLIC Qt6::Core)
  target_include_directories(neurorack-ptylink PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/sync)
  neurorack_add_test(tst_sync SOURCES sync/tst_sync.cpp LABELS integration slow
                     LIBS neurorack-ptylink neurorack-runtimeprocess neurorack-testsupport)
  add_dependencies(tst_sync neurorack-runtime neurorack)
  add_executable(bench_sync sync/bench_sync.cpp)
  target_link_libraries(bench_sync PRIVATE neurorack-core neurorack-ptylink neurorack-runtimeprocess neurorack-testsupport)
  target_compile_definitions(bench_sync PRIVATE NEURORACK_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_dependencies(bench_sync neurorack-runtime)
  add_test(NAME bench_sync COMMAND bench_sync)
  set_tests_properties(bench_sync PROPERTIES LABELS "benchmark" ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endif()
