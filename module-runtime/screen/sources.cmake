# SPDX-License-Identifier: GPL-3.0-or-later
# The screen and its menu (included by module-runtime/CMakeLists.txt).
target_sources(neurorack-runtime-lib PRIVATE
  screen/runtimeview.h
  screen/menu.h screen/menu.cpp
  screen/screenpainter.h screen/screenpainter.cpp
)
