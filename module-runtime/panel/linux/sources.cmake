# SPDX-License-Identifier: GPL-3.0-or-later
# The linux panel backend and the ALSA sink (included by module-runtime/CMakeLists.txt).
target_sources(neurorack-runtime-lib PRIVATE
)
