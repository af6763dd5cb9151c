// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace neurorack::cobs {

/// Consistent Overhead Byte Stuffing (Cheshire and Baker, 1999): rewrites @p data so
/// that it holds no zero byte, at a cost of one byte per 254 plus one. The frame
/// delimiter (0x00) is not added.
QByteArray encode(QByteArrayView data);
/// Undoes encode(); nullopt when @p encoded is not valid COBS (a zero byte inside, or a
/// code byte that points past the end).
std::optional<QByteArray> decode(QByteArrayView encoded);
/// The largest encoded size of @p size bytes.
constexpr qsizetype maxEncodedSize(qsizetype size)
{
    return size + size / 254 + 1;
}

} // namespace neurorack::cobs
