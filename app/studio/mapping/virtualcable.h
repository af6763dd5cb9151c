// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <array>

class QSocketNotifier;

namespace neurorack::studio {

/// A USB cable for the virtual module: two pseudo-terminal pairs whose masters this
/// object joins, so that what one slave receives the other sends. neurorack-runtime
/// opens modulePort() with --serial (as it opens /dev/ttyGS0 on the module), and
/// Studio's device panel opens hostPort() (as it opens /dev/ttyACM0).
///
/// The relay runs on the thread that owns the object (QSocketNotifier, non-blocking):
/// it reads what is there and writes what the other side takes; when a side stops
/// reading and kMaxPending bytes wait for it, the relay stops reading the other side
/// until they drain, as a full USB buffer would.
class VirtualCable : public QObject
{
    Q_OBJECT

public:
    /// Bytes that may wait for one side before the relay pushes back.
    static constexpr qsizetype kMaxPending = 1 << 20;
    /// One read takes at most this many bytes.
    static constexpr qsizetype kReadChunk = 16 * 1024;

    explicit VirtualCable(QObject *parent = nullptr);
    ~VirtualCable() override;

    /// Creates the terminals and starts relaying; false (see errorString()) on failure.
    bool open();
    void close();
    bool isOpen() const { return m_sides[0].master >= 0; }
    /// What went wrong in open().
    QString errorString() const { return m_error; }

    /// The module's end, for neurorack-runtime's --serial ("/dev/pts/7"); empty when closed.
    QString modulePort() const { return m_sides[Module].name; }
    /// The laptop's end, for DeviceClient::open(); empty when closed.
    QString hostPort() const { return m_sides[Host].name; }

    /// Bytes relayed towards the module and towards the host since open().
    qint64 bytesToModule() const { return m_relayed[Module]; }
    qint64 bytesToHost() const { return m_relayed[Host]; }

private:
    enum SideId { Module = 0, Host = 1 };
    struct Side {
        int master = -1;
        int slave = -1; ///< kept open so the master never sees a hangup when the user closes its end
        QString name;
        QByteArray pending; ///< bytes for this side's master that it has not taken yet
        bool broken = false; ///< a read failed for good: not read again
        QSocketNotifier *readable = nullptr;
        QSocketNotifier *writable = nullptr;
    };

    void readFrom(int side);
    void writeTo(int side);
    void updateNotifiers();

    std::array<Side, 2> m_sides;
    std::array<qint64, 2> m_relayed{};
    QString m_error;
};

} // namespace neurorack::studio
