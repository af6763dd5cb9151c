// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>

#include <cstdint>
#include <span>

namespace neurorack::runtime {

/// One colour as RGB565 (5 bits red, 6 green, 5 blue, red in the high bits).
constexpr std::uint16_t rgb565(std::uint8_t red, std::uint8_t green, std::uint8_t blue)
{
    return std::uint16_t(((red >> 3) << 11) | ((green >> 2) << 5) | (blue >> 3));
}

/// Converts @p image into big-endian RGB565 (the byte order the ST7789 reads, high byte
/// first), row by row, into @p out of width × height × 2 bytes. The image is scaled to
/// @p width × @p height when its size differs; any format is accepted, alpha is composed
/// over black. Truncates each channel (no dithering: the screen's UI is flat colours).
void toRgb565BigEndian(const QImage &image, int width, int height, std::span<std::uint8_t> out);

/// The same into a new buffer.
QByteArray toRgb565BigEndian(const QImage &image, int width, int height);

} // namespace neurorack::runtime
