# SPDX-License-Identifier: GPL-3.0-or-later
# Suites for the linux panel backend (register-level logic against a fake bus).
neurorack_add_test(tst_panelconfig SOURCES runtime/tst_panelconfig.cpp LABELS unit LIBS neurorack-runtime-lib)
neurorack_add_test(tst_ads1015 SOURCES runtime/tst_ads1015.cpp runtime/fakepaneldevices.h LABELS unit LIBS neurorack-runtime-lib)
neurorack_add_test(tst_rgbencoder SOURCES runtime/tst_rgbencoder.cpp runtime/fakepaneldevices.h LABELS unit LIBS neurorack-runtime-lib)
neurorack_add_test(tst_st7789 SOURCES runtime/tst_st7789.cpp runtime/fakepaneldevices.h LABELS unit LIBS neurorack-runtime-lib)
neurorack_add_test(tst_linuxpanel SOURCES runtime/tst_linuxpanel.cpp runtime/fakepaneldevices.h LABELS unit LIBS neurorack-runtime-lib)
neurorack_add_test(tst_alsasink SOURCES runtime/tst_alsasink.cpp LABELS integration LIBS neurorack-runtime-lib)
# Real devices, opt-in: skipped unless NEURORACK_TEST_I2C, NEURORACK_TEST_SPIDEV or
# NEURORACK_TEST_GPIOCHIP name them (see the suite); the error paths run everywhere.
neurorack_add_test(tst_linuxdevices SOURCES runtime/tst_linuxdevices.cpp LABELS integration LIBS neurorack-runtime-lib)
