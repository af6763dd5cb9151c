// SPDX-License-Identifier: GPL-3.0-or-later
#include "framedecoder.h"

#include "cobs.h"

#include <QtEndian>

namespace neurorack {

QList<Frame> FrameDecoder::feed(QByteArrayView bytes)
{
    QList<Frame> frames;
    while (!bytes.isEmpty()) {
        const qsizetype end = bytes.indexOf('\0');
        const QByteArrayView piece = end < 0 ? bytes : bytes.first(end);
        if (!m_overflowing) {
            if (m_buffer.size() + piece.size() > kMaxEncodedFrame) {
                fault(QStringLiteral("frame longer than %1 bytes").arg(kMaxEncodedFrame));
                m_buffer.clear();
                m_overflowing = true;
            } else {
                m_buffer.append(piece);
            }
        }
        if (end < 0)
            break;
        if (m_overflowing)
            m_overflowing = false; // the oversize frame ends here
        else
            complete(frames);
        m_buffer.clear();
        bytes = bytes.sliced(end + 1);
    }
    return frames;
}

void FrameDecoder::complete(QList<Frame> &frames)
{
    if (m_buffer.isEmpty())
        return; // back-to-back delimiters: senders may flush with an extra one
    const auto body = cobs::decode(m_buffer);
    if (!body) {
        fault(QStringLiteral("bytes that are not COBS"));
        return;
    }
    if (body->size() < Frame::kHeaderSize + Frame::kCrcSize) {
        fault(QStringLiteral("a frame of %1 bytes, shorter than a header").arg(body->size()));
        return;
    }
    const char *data = body->constData();
    const qsizetype covered = body->size() - Frame::kCrcSize;
    const quint32 crc = qFromLittleEndian<quint32>(data + covered);
    if (crc != crc32Of(QByteArrayView(data, covered))) {
        fault(QStringLiteral("CRC mismatch"));
        return;
    }
    if (static_cast<quint8>(data[0]) != Frame::kFormat) {
        fault(QStringLiteral("frame format %1 (this side reads %2)").arg(static_cast<quint8>(data[0])).arg(Frame::kFormat));
        return;
    }
    const quint32 length = qFromLittleEndian<quint32>(data + 8);
    if (length != static_cast<quint32>(covered - Frame::kHeaderSize)) {
        fault(QStringLiteral("payload of %1 bytes where the header says %2").arg(covered - Frame::kHeaderSize).arg(length));
        return;
    }
    if (length > static_cast<quint32>(Frame::kMaxPayload)) {
        fault(QStringLiteral("payload of %1 bytes, more than %2").arg(length).arg(Frame::kMaxPayload));
        return;
    }
    Frame frame;
    frame.type = static_cast<quint8>(data[1]);
    frame.flags = static_cast<quint8>(data[2]);
    frame.seq = qFromLittleEndian<quint32>(data + 4);
    frame.payload = body->mid(Frame::kHeaderSize, length);
    ++m_frameCount;
    frames.append(std::move(frame));
}

void FrameDecoder::fault(const QString &what)
{
    ++m_newFaults;
    ++m_faultCount;
    m_lastFault = what;
}

void FrameDecoder::reset()
{
    m_buffer.clear();
    m_overflowing = false;
}

int FrameDecoder::takeFaults()
{
    return std::exchange(m_newFaults, 0);
}

} // namespace neurorack
