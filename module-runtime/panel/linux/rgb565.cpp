// SPDX-License-Identifier: GPL-3.0-or-later
#include "rgb565.h"

namespace neurorack::runtime {

void toRgb565BigEndian(const QImage &image, int width, int height, std::span<std::uint8_t> out)
{
    Q_ASSERT(out.size() >= std::size_t(width) * std::size_t(height) * 2);
    QImage source = image.size() == QSize(width, height)
                        ? image
                        : image.scaled(width, height, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    // Both formats are 0xAARRGGBB per pixel; premultiplied colour channels are the colour
    // composed over black.
    const QImage::Format format = source.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32;
    if (source.format() != format)
        source = source.convertToFormat(format);
    std::size_t i = 0;
    for (int y = 0; y < height; ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(source.constScanLine(y));
        for (int x = 0; x < width; ++x) {
            const QRgb p = line[x];
            const std::uint16_t c = rgb565(std::uint8_t(qRed(p)), std::uint8_t(qGreen(p)), std::uint8_t(qBlue(p)));
            out[i++] = std::uint8_t(c >> 8);
            out[i++] = std::uint8_t(c & 0xff);
        }
    }
}

QByteArray toRgb565BigEndian(const QImage &image, int width, int height)
{
    QByteArray bytes(qsizetype(width) * height * 2, Qt::Uninitialized);
    toRgb565BigEndian(image, width, height,
                      std::span<std::uint8_t>(reinterpret_cast<std::uint8_t *>(bytes.data()), std::size_t(bytes.size())));
    return bytes;
}

} // namespace neurorack::runtime
