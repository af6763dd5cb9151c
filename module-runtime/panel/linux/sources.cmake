# SPDX-License-Identifier: GPL-3.0-or-later
# The linux panel backend and the ALSA sink (included by module-runtime/CMakeLists.txt).
target_sources(neurorack-runtime-lib PRIVATE
  panel/panelconfig.h panel/panelconfig.cpp
  panel/linux/i2cbus.h panel/linux/i2cbus.cpp
  panel/linux/linuxi2cbus.h panel/linux/linuxi2cbus.cpp
  panel/linux/ads1015.h panel/linux/ads1015.cpp
  panel/linux/rgbencoder.h panel/linux/rgbencoder.cpp
  panel/linux/spidevice.h
  panel/linux/linuxspidevice.h panel/linux/linuxspidevice.cpp
  panel/linux/gpioline.h
  panel/linux/linuxgpioline.h panel/linux/linuxgpioline.cpp
  panel/linux/rgb565.h panel/linux/rgb565.cpp
  panel/linux/st7789.h panel/linux/st7789.cpp
  panel/linux/realtime.h panel/linux/realtime.cpp
  panel/linux/linuxpanel.h panel/linux/linuxpanel.cpp
  audio/alsasink.h audio/alsasink.cpp
)
