# SPDX-License-Identifier: GPL-3.0-or-later
# The protocol fuzz target's corpus (tests/fuzz/corpus), replayed by the main build's
# compiler as a regression test: fuzz_protocol.cpp plus a main() that reads the files.
# The fuzzer itself is a separate clang project (tests/fuzz/CMakeLists.txt, ./setup.sh fuzz).
add_executable(fuzz_protocol_replay
  ${CMAKE_CURRENT_LIST_DIR}/fuzz_protocol.cpp
  ${CMAKE_CURRENT_LIST_DIR}/replaymain.cpp
)
target_link_libraries(fuzz_protocol_replay PRIVATE neurorack-core)
add_test(NAME fuzz_protocol_replay COMMAND fuzz_protocol_replay ${CMAKE_CURRENT_LIST_DIR}/corpus)
set_tests_properties(fuzz_protocol_replay PROPERTIES LABELS unit)
