# SPDX-License-Identifier: GPL-3.0-or-later
# The strict Qt set, for every target of the project and of tests/fuzz: no Qt keywords
# (LibTorch has members named `slots`), no implicit casts between QString and bytes.
add_compile_definitions(
  QT_NO_KEYWORDS
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_URL_CAST_FROM_STRING
  QT_USE_QSTRINGBUILDER
  QT_NO_FOREACH
  QT_NO_CAST_FROM_BYTEARRAY
)
add_compile_options(-Wall -Wextra -Wno-missing-field-initializers)
