# SPDX-License-Identifier: GPL-3.0-or-later
# The USB link's framing and messages: Qt Core and zlib only, so that tests/fuzz builds
# them alone (with clang and the sanitizers). Paths relative to this folder.
set(NEURORACK_PROTOCOL_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/cobs.h ${CMAKE_CURRENT_LIST_DIR}/cobs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/frame.h ${CMAKE_CURRENT_LIST_DIR}/frame.cpp
  ${CMAKE_CURRENT_LIST_DIR}/framedecoder.h ${CMAKE_CURRENT_LIST_DIR}/framedecoder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/messages.h ${CMAKE_CURRENT_LIST_DIR}/messages.cpp
)
