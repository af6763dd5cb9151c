// SPDX-License-Identifier: GPL-3.0-or-later
#include "frame.h"

#include "cobs.h"

#include <QtEndian>

#include <zlib.h>

namespace neurorack {

quint32 crc32Of(QByteArrayView data)
{
    uLong crc = ::crc32(0L, Z_NULL, 0);
    // zlib takes lengths as uInt: feed big buffers in pieces.
    const char *p = data.data();
    qsizetype left = data.size();
    while (left > 0) {
        const auto n = static_cast<uInt>(std::min<qsizetype>(left, 1 << 30));
        crc = ::crc32(crc, reinterpret_cast<const Bytef *>(p), n);
        p += n;
        left -= n;
    }
    return static_cast<quint32>(crc);
}

QByteArray Frame::encode() const
{
    Q_ASSERT(payload.size() <= kMaxPayload);
    QByteArray body(kHeaderSize, Qt::Uninitialized);
    body[0] = static_cast<char>(kFormat);
    body[1] = static_cast<char>(type);
    body[2] = static_cast<char>(flags);
    body[3] = 0;
    qToLittleEndian<quint32>(seq, body.data() + 4);
    qToLittleEndian<quint32>(static_cast<quint32>(payload.size()), body.data() + 8);
    body.append(payload);
    char crc[kCrcSize];
    qToLittleEndian<quint32>(crc32Of(body), crc);
    body.append(crc, kCrcSize);
    QByteArray wire = cobs::encode(body);
    wire.append('\0');
    return wire;
}

} // namespace neurorack
