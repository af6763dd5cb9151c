// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "frame.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace neurorack {

/// Splits a serial byte stream into frames (docs/protocol.md, "Frames"). Bytes come in
/// arbitrary pieces; a frame ends at each 0x00. Whatever is not a well-formed frame
/// (bad COBS, wrong CRC, wrong length, unknown frame format, longer than
/// kMaxEncodedFrame) is dropped and counted as a fault; decoding goes on at the next
/// delimiter. Memory stays bounded whatever arrives: at most one frame is buffered.
class FrameDecoder
{
public:
    /// Decodes @p bytes and returns the frames they complete, in order.
    QList<Frame> feed(QByteArrayView bytes);
    /// Drops a partly received frame (after a reconnection).
    void reset();

    /// Faults since the last call, and resets that count.
    int takeFaults();
    /// All faults so far.
    quint64 faultCount() const { return m_faultCount; }
    /// What the last fault was, for logs ("CRC mismatch", "frame longer than …").
    QString lastFault() const { return m_lastFault; }
    quint64 frameCount() const { return m_frameCount; }

private:
    void complete(QList<Frame> &frames);
    void fault(const QString &what);

    QByteArray m_buffer;
    bool m_overflowing = false; ///< dropping bytes of an oversize frame up to its delimiter
    int m_newFaults = 0;
    quint64 m_faultCount = 0;
    quint64 m_frameCount = 0;
    QString m_lastFault;
};

} // namespace neurorack
