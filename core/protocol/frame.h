// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace neurorack {

/// One message on the USB link (docs/protocol.md, "Frames"). On the wire a frame is
///
///     COBS( header[12] | payload | CRC-32[4] ) 0x00
///
/// with the header holding the frame format, the message type, flags, the sequence
/// number and the payload length (little-endian), and the CRC-32 (IEEE 802.3, as zlib
/// computes it) covering header and payload.
struct Frame {
    /// The layout above. Changes only if the header itself changes; what messages mean
    /// is versioned by HELLO (kProtocolVersion).
    static constexpr quint8 kFormat = 1;
    static constexpr int kHeaderSize = 12;
    static constexpr int kCrcSize = 4;
    /// The largest payload either side sends or accepts.
    static constexpr int kMaxPayload = 32 * 1024;
    /// flags: set on replies (the reply carries the request's sequence number).
    static constexpr quint8 kReplyFlag = 0x01;

    quint8 type = 0;
    quint8 flags = 0;
    quint32 seq = 0;
    QByteArray payload;

    bool isReply() const { return flags & kReplyFlag; }
    /// The frame on the wire, delimiter included. The payload must not exceed kMaxPayload.
    QByteArray encode() const;
    friend bool operator==(const Frame &, const Frame &) = default;
};

/// The longest encoded frame (delimiter excluded): anything longer is not a frame.
constexpr qsizetype kMaxEncodedFrame = (Frame::kHeaderSize + Frame::kMaxPayload + Frame::kCrcSize) * 255 / 254 + 2;

/// CRC-32 (IEEE) of @p data.
quint32 crc32Of(QByteArrayView data);

} // namespace neurorack
